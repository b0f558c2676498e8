import { and, eq, sql } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { CsatStore } from '../../csat/csat.store.ts';

const { conversationEvents, conversations, csatRatings, messages } = pgSchema;

export function pgCsatStore(db: HearthPgDb): CsatStore {
  return {
    async rating(conversationId) {
      const [row] = await db
        .select({ score: csatRatings.score, ces: csatRatings.ces, comment: csatRatings.comment, ratedAt: csatRatings.updatedAt })
        .from(csatRatings)
        .where(eq(csatRatings.conversationId, conversationId));
      return row ?? null;
    },

    async hasAgentReply(conversationId) {
      const [reply] = await db
        .select({ one: sql<number>`1` })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.authorType, 'agent')))
        .limit(1);
      return reply !== undefined;
    },

    async visitorConversation(siteId, visitorId, conversationId) {
      const [row] = await db
        .select({ id: conversations.id, status: conversations.status, closedAt: conversations.closedAt, agentId: conversations.assignedAgentId })
        .from(conversations)
        .where(and(eq(conversations.id, conversationId), eq(conversations.visitorId, visitorId), eq(conversations.siteId, siteId)));
      return row ?? null;
    },

    // An upsert: two ratings of one conversation at once end as one row (the later one's values).
    async saveRating(r) {
      const values = { score: r.score, ces: r.ces, comment: r.comment, updatedAt: r.now };
      await db
        .insert(csatRatings)
        .values({ conversationId: r.conversationId, siteId: r.siteId, visitorId: r.visitorId, agentId: r.agentId, createdAt: r.now, ...values })
        .onConflictDoUpdate({ target: csatRatings.conversationId, set: values });
      await db.insert(conversationEvents).values({
        conversationId: r.conversationId,
        siteId: r.siteId,
        type: 'csat.rated',
        actorType: 'visitor',
        actorId: r.visitorId,
        data: JSON.stringify({ score: r.score, ces: r.ces, agentId: r.agentId }),
        createdAt: r.now,
      });
    },
  };
}
