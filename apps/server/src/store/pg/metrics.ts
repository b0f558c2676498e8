import { and, count, eq, isNull } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { MetricsStore } from '../../observability/metrics.store.ts';

const { conversations } = pgSchema;

export function pgMetricsStore(db: HearthPgDb): MetricsStore {
  return {
    async waitingConversations() {
      const [row] = await db
        .select({ n: count() })
        .from(conversations)
        .where(and(isNull(conversations.assignedAgentId), eq(conversations.status, 'open')));
      return Number(row?.n ?? 0);
    },
  };
}
