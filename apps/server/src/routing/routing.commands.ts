import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AgentClientToServerEvents, AgentId, AgentPresence, agentCommandSchemas } from '@hearth/protocol';
import type { AgentSocket } from '../plugins/io.ts';
import { CommandError, type CommandHandlers } from '../realtime/commands.ts';
import { broadcastConversation } from '../conversations/broadcast.ts';
import { conversationSummary } from '../conversations/conversation-queries.ts';
import { readSiteSettings } from '../sites/site-settings.ts';
import { acceptConversation, transferConversation } from './assignment.ts';

type RoutingCommand = 'conversation:accept' | 'conversation:transfer' | 'agent:set-status' | 'agents:list';

/** Routing commands of the console: accept, transfer, status, and the agents view. */
export function routingAgentCommands(
  app: FastifyInstance,
  socket: AgentSocket,
): Pick<CommandHandlers<typeof agentCommandSchemas, AgentClientToServerEvents>, RoutingCommand> {
  const { db } = app.sqlite;
  const { agentId, siteIds } = socket.data;

  return {
    'conversation:accept': async ({ conversationId }) => {
      const current = conversationSummary(db, siteIds, conversationId);
      if (!current) throw new CommandError('not_found', 'Conversation not found.');
      if (current.assignedAgentId !== agentId) throw new CommandError('conflict', 'This conversation is not assigned to you.');
      await app.commits.run(() => acceptConversation(db, conversationId, agentId, Date.now()));
      app.conversationRouter.accepted(conversationId);
      return { conversation: broadcastConversation(app, conversationId)! };
    },

    'conversation:transfer': async ({ conversationId, toAgentId, toDepartmentId, note }) => {
      const to = toAgentId ? { agentId: toAgentId } : { departmentId: toDepartmentId! };
      const now = Date.now();
      const result = await app.commits.run(() =>
        transferConversation(db, { conversationId, fromAgentId: agentId, siteIds, to, note: note ?? null, now }),
      );
      app.conversationRouter.accepted(conversationId);
      if (result.toAgentId) app.conversationRouter.afterAssigned([{ conversationId, siteId: result.siteId, agentId: result.toAgentId }]);
      else broadcastConversation(app, conversationId);
      await app.conversationRouter.drain(result.siteId);
      return { conversation: conversationSummary(db, siteIds, conversationId)! };
    },

    'agent:set-status': async ({ status }) => {
      await app.conversationRouter.setStatus(agentId, status, null);
      return { status };
    },

    'agents:list': ({ siteId }) => {
      if (siteId && !siteIds.includes(siteId)) throw new CommandError('forbidden', 'You are not a member of that site.');
      const agents: AgentPresence[] = [];
      for (const site of siteId ? [siteId] : siteIds) {
        const defaultMax = readSiteSettings(db, site).routing.defaultMaxChats;
        const rows = db.all<Omit<AgentPresence, 'maxChats' | 'siteId'> & { maxChats: number | null }>(sql`
          SELECT a.id AS agentId, a.name AS name, a.status AS status, a.status_reason AS statusReason, m.max_chats AS maxChats,
            (SELECT count(*) FROM conversations c WHERE c.assigned_agent_id = a.id AND c.status = 'open') AS openChats
          FROM memberships m JOIN agents a ON a.id = m.agent_id WHERE m.site_id = ${site} ORDER BY a.name`);
        for (const r of rows) agents.push({ ...r, agentId: r.agentId as AgentId, siteId: site, maxChats: r.maxChats ?? defaultMax });
      }
      return { agents };
    },
  };
}
