import type { FastifyInstance } from 'fastify';
import type { AgentClientToServerEvents, agentCommandSchemas } from '@hearth/protocol';
import { rooms, type AgentSocket } from '../plugins/io.ts';
import { CommandError, type CommandHandlers } from '../realtime/commands.ts';
import { addNote } from './note-store.ts';

/**
 * Internal notes. The fact goes to the conversation's site's agents room only (agent namespace):
 * a visitor socket is never in that room, and notes are not messages, so sync never returns them.
 */
export function noteAgentCommands(app: FastifyInstance, socket: AgentSocket): Pick<CommandHandlers<typeof agentCommandSchemas, AgentClientToServerEvents>, 'note:add'> {
  const { db } = app.store;
  const { agentId, agentName, siteIds } = socket.data;
  return {
    'note:add': async ({ conversationId, clientId, body }) => {
      const result = await app.commits.run(() => addNote(db, { agentId, agentName, siteIds, conversationId, clientId, body, now: Date.now() }));
      if (!result.ok) throw new CommandError('not_found', 'Conversation not found.');
      if (!result.duplicate) app.agentNsp.to(rooms.siteAgents(result.siteId)).emit('note:created', result.note);
      return { note: result.note };
    },
  };
}
