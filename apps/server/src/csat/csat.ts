import type { ConversationId, CsatPrompt, SiteId, VisitorId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import { CommandError } from '../realtime/commands.ts';
import { assertRatable, csatPrompt, normalizeComment, type CsatFacts } from './csat-rules.ts';
import type { RatableConversation } from './csat.store.ts';

async function factsOf(read: StoreTx, c: Pick<RatableConversation, 'id' | 'status' | 'closedAt'>): Promise<CsatFacts> {
  return {
    status: c.status,
    closedAt: c.closedAt,
    hasAgentReply: await read.csat.hasAgentReply(c.id),
    rating: c.status === 'closed' ? await read.csat.rating(c.id) : null,
  };
}

/** The CSAT question for the widget's view of a conversation (null when none is due). */
export async function csatPromptFor(
  read: StoreTx,
  c: { id: ConversationId; siteId: SiteId; status: 'open' | 'closed'; closedAt: number | null },
  now: number,
): Promise<CsatPrompt | null> {
  if (c.status !== 'closed') return null;
  return csatPrompt(await factsOf(read, c), await read.sites.settings(c.siteId), now);
}

export interface RateInput {
  siteId: SiteId;
  visitorId: VisitorId;
  conversationId: ConversationId;
  /** 1..5; `ces` too, kept only when the site asks for effort. */
  score: number;
  ces?: number | null | undefined;
  comment?: string | null | undefined;
  /** Epoch ms. */
  now: number;
}

/**
 * Stores (or replaces) the visitor's rating, in the caller's unit. The conversation is looked up by
 * id AND the caller's visitor id, so nobody — no other visitor, no agent — can rate on a visitor's
 * behalf. The rating is credited to the agent assigned at close (closed conversations cannot be
 * reassigned). Refusals are CommandErrors (`not_found`, `conflict`, `forbidden`).
 */
export async function rate(tx: StoreTx, input: RateInput): Promise<void> {
  const c = await tx.csat.visitorConversation(input.siteId, input.visitorId, input.conversationId);
  if (!c) throw new CommandError('not_found', 'Conversation not found.');
  const settings = await tx.sites.settings(input.siteId);
  assertRatable(await factsOf(tx, c), settings, input.now);
  const rating = {
    conversationId: c.id,
    siteId: input.siteId,
    visitorId: input.visitorId,
    agentId: c.agentId,
    score: input.score,
    ces: settings.cesEnabled ? (input.ces ?? null) : null,
    comment: normalizeComment(input.comment),
    now: input.now,
  };
  await tx.csat.saveRating(rating);
  await tx.facts.record('csat.rated', rating);
}
