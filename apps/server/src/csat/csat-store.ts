import { and, eq, sql } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { ConversationId, CsatPrompt, CsatRating, SiteId, VisitorId } from '@hearth/protocol';
import { CommandError } from '../realtime/commands.ts';
import { recordEvent } from '../conversations/conversation-events.ts';
import { readSiteSettings } from '../sites/site-settings.ts';
import { assertRatable, csatPrompt, normalizeComment, type CsatFacts } from './csat-rules.ts';

const { conversations, csatRatings, messages } = schema;

/** @deprecated Synchronous SQLite read for code not yet behind the storage seam (conversations/); use `store.read.csat.rating`. */
export function ratingOf(db: HearthDb, conversationId: ConversationId): CsatRating | null {
  return (
    db
      .select({ score: csatRatings.score, ces: csatRatings.ces, comment: csatRatings.comment, ratedAt: csatRatings.updatedAt })
      .from(csatRatings)
      .where(eq(csatRatings.conversationId, conversationId))
      .get() ?? null
  );
}

function factsOf(db: HearthDb, c: { id: ConversationId; status: 'open' | 'closed'; closedAt: number | null }): CsatFacts {
  const reply = db
    .select({ one: sql<number>`1` })
    .from(messages)
    .where(and(eq(messages.conversationId, c.id), eq(messages.authorType, 'agent')))
    .limit(1)
    .get();
  return { status: c.status, closedAt: c.closedAt, hasAgentReply: reply !== undefined, rating: c.status === 'closed' ? ratingOf(db, c.id) : null };
}

/** @deprecated Synchronous SQLite read for code not yet behind the storage seam (conversations/); use `csatPromptFor` (csat.ts). */
export function csatPromptOf(
  db: HearthDb,
  c: { id: ConversationId; siteId: SiteId; status: 'open' | 'closed'; closedAt: number | null },
  now: number,
): CsatPrompt | null {
  if (c.status !== 'closed') return null;
  return csatPrompt(factsOf(db, c), readSiteSettings(db, c.siteId), now);
}

export interface RateInput {
  siteId: SiteId;
  visitorId: VisitorId;
  conversationId: ConversationId;
  score: number;
  ces?: number | null | undefined;
  comment?: string | null | undefined;
  now: number;
}

/**
 * @deprecated Synchronous SQLite write for code not yet behind the storage seam (conversations/);
 * use `rate` (csat.ts) in a unit.
 *
 * Stores (or replaces) the visitor's rating. The conversation is looked up by id AND the caller's
 * visitor id, so nobody — no other visitor, no agent — can rate on a visitor's behalf. The rating is
 * credited to the agent assigned at close (closed conversations cannot be reassigned).
 */
export function rateConversation(db: HearthDb, input: RateInput): void {
  const c = db
    .select({ id: conversations.id, status: conversations.status, closedAt: conversations.closedAt, agentId: conversations.assignedAgentId })
    .from(conversations)
    .where(and(eq(conversations.id, input.conversationId), eq(conversations.visitorId, input.visitorId), eq(conversations.siteId, input.siteId)))
    .get();
  if (!c) throw new CommandError('not_found', 'Conversation not found.');
  const settings = readSiteSettings(db, input.siteId);
  assertRatable(factsOf(db, c), settings, input.now);
  const values = {
    score: input.score,
    ces: settings.cesEnabled ? (input.ces ?? null) : null,
    comment: normalizeComment(input.comment),
    updatedAt: input.now,
  };
  db.insert(csatRatings)
    .values({ conversationId: c.id, siteId: input.siteId, visitorId: input.visitorId, agentId: c.agentId, createdAt: input.now, ...values })
    .onConflictDoUpdate({ target: csatRatings.conversationId, set: values })
    .run();
  recordEvent(db, {
    conversationId: c.id,
    siteId: input.siteId,
    type: 'csat.rated',
    actor: { type: 'visitor', id: input.visitorId },
    data: { score: values.score, ces: values.ces, agentId: c.agentId },
    now: input.now,
  });
}
