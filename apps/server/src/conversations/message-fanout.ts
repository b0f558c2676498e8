import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import type { ConversationId, Message } from '@hearth/protocol';
import { rooms } from '../plugins/io.ts';
import { conversationSummaryForBroadcast } from './conversation-queries.ts';

/** Inbox previews for agents who are not in the conversation: at most one per conversation per second. */
export const PREVIEW_INTERVAL_MS = 1000;

const statements = preparedStatements((db: HearthDb) => ({
  audienceOf: db
    .select({ siteId: schema.conversations.siteId, assignedAgentId: schema.conversations.assignedAgentId })
    .from(schema.conversations)
    .where(eq(schema.conversations.id, sql.placeholder('id')))
    .prepare(),
}));

/**
 * Who hears about a new message. Sending every message to every agent of a site cost A socket
 * writes per message (100 agents: 100 deliveries per message, p50 302 ms at 1k msg/s in
 * `pnpm bench`). So the full message goes only to those who need it at once: the assignee (every
 * tab), anyone with the conversation open, and the whole site while it waits unassigned (the
 * queue). Everyone else's inbox gets the conversation's summary (with its last message), coalesced
 * to one per conversation per second — a preview, not a transcript.
 */
export class MessageFanout {
  private readonly timers = new Map<ConversationId, NodeJS.Timeout>();
  private readonly lastPreviewAt = new Map<ConversationId, number>();

  constructor(private readonly app: FastifyInstance) {}

  /** Call after the message's transaction committed. */
  deliver(message: Message): void {
    const audience = statements(this.app.store.db).audienceOf.get({ id: message.conversationId });
    if (!audience) return;
    this.app.agentNsp
      .to(audience.assignedAgentId ? [rooms.conversation(message.conversationId), rooms.agent(audience.assignedAgentId)] : [rooms.siteAgents(audience.siteId)])
      .emit('message:created', message);
    if (audience.assignedAgentId) this.preview(message.conversationId);
  }

  private preview(conversationId: ConversationId): void {
    if (this.timers.has(conversationId)) return;
    const wait = Math.max(0, (this.lastPreviewAt.get(conversationId) ?? 0) + PREVIEW_INTERVAL_MS - Date.now());
    const send = () => {
      this.timers.delete(conversationId);
      this.lastPreviewAt.set(conversationId, Date.now());
      const summary = conversationSummaryForBroadcast(this.app.store.db, conversationId);
      if (summary) this.app.agentNsp.to(rooms.siteAgents(summary.siteId)).emit('conversation:updated', summary);
    };
    if (wait === 0) {
      send();
      return;
    }
    const timer = setTimeout(send, wait);
    timer.unref();
    this.timers.set(conversationId, timer);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
