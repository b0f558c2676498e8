import type { Store } from '../store/store.ts';
import type { AgentNamespace, AgentSocket } from '../plugins/io.ts';
import { rooms } from '../plugins/io.ts';
import { CommandError } from '../realtime/commands.ts';
import type { AgentHandlers } from '../realtime/command-registry.ts';
import './note.store.ts';

/**
 * Internal notes. The fact goes to the conversation's site's agents room only (agent namespace):
 * a visitor socket is never in that room, and notes are not messages, so sync never returns them.
 */
export function noteCommands({ store, agentNsp, socket }: { store: Store; agentNsp: AgentNamespace; socket: AgentSocket }): Pick<AgentHandlers, 'note:add'> {
  const { agentId, agentName, siteIds } = socket.data;
  return {
    'note:add': async ({ conversationId, clientId, body }) => {
      const result = await store.unit((tx) => tx.notes.add({ agentId, agentName, siteIds, conversationId, clientId, body, now: Date.now() }));
      if (!result.ok) throw new CommandError('not_found', 'Conversation not found.');
      if (!result.duplicate) agentNsp.to(rooms.siteAgents(result.siteId)).emit('note:created', result.note);
      return { note: result.note };
    },
  };
}
