import { and, count, eq, isNull } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { MetricsStore } from '../../observability/metrics.store.ts';

const { conversations } = schema;

export function sqliteMetricsStore(db: HearthDb): MetricsStore {
  const waiting = db
    .select({ n: count() })
    .from(conversations)
    .where(and(isNull(conversations.assignedAgentId), eq(conversations.status, 'open')))
    .prepare();
  return {
    async waitingConversations() {
      return waiting.get()?.n ?? 0;
    },
  };
}
