import type { FastifyInstance } from 'fastify';
import type { AgentClientToServerEvents, ConversationId, agentCommandSchemas } from '@hearth/protocol';
import type { AgentSocket } from '../plugins/io.ts';
import { CommandError, type CommandHandlers } from '../realtime/commands.ts';
import { broadcastConversation } from '../conversations/broadcast.ts';
import { conversationSummary } from '../conversations/conversation-queries.ts';
import './label.store.ts';

/** Labels on conversations: the changed summary goes to the site's agents as `conversation:updated`. */
export function labelAgentCommands(
  app: FastifyInstance,
  socket: AgentSocket,
): Pick<CommandHandlers<typeof agentCommandSchemas, AgentClientToServerEvents>, 'label:add' | 'label:remove'> {
  const { siteIds } = socket.data;

  async function change(conversationId: ConversationId, labelId: string, on: boolean) {
    const result = await app.store.unit((tx) => tx.labels.setOnConversation(siteIds, conversationId, labelId, on, Date.now()));
    if (result === 'not_found') throw new CommandError('not_found', 'Conversation or label not found.');
    // The summary is the conversation core's (not behind the seam yet: it reads SQLite directly).
    const conversation = result === 'changed' ? broadcastConversation(app, conversationId) : conversationSummary(app.sqlite.db, siteIds, conversationId);
    if (!conversation) throw new CommandError('not_found', 'Conversation not found.');
    return { conversation };
  }

  return {
    'label:add': ({ conversationId, labelId }) => change(conversationId, labelId, true),
    'label:remove': ({ conversationId, labelId }) => change(conversationId, labelId, false),
  };
}
