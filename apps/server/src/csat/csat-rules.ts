import type { CsatPrompt, CsatRating, SiteSettings } from '@hearth/protocol';
import { CommandError } from '../realtime/commands.ts';

export interface CsatFacts {
  status: 'open' | 'closed';
  closedAt: number | null;
  /** Whether any agent wrote in the conversation: without a reply there is nothing to rate. */
  hasAgentReply: boolean;
  rating: CsatRating | null;
}

type CsatSettings = Pick<
  SiteSettings,
  'csatQuestion' | 'csatCommentPrompt' | 'csatThanks' | 'cesEnabled' | 'cesQuestion' | 'csatChangeWindowHours'
>;

/**
 * The CSAT question a conversation carries, or null. Asked only of closed conversations that had
 * an agent reply; it can be answered, and the answer changed, until `csatChangeWindowHours` after
 * the close. After that the widget no longer shows it.
 */
export function csatPrompt(facts: CsatFacts, settings: CsatSettings, now: number): CsatPrompt | null {
  if (facts.status !== 'closed' || facts.closedAt === null || !facts.hasAgentReply) return null;
  const changeableUntil = facts.closedAt + settings.csatChangeWindowHours * 3_600_000;
  if (now > changeableUntil) return null;
  return {
    question: settings.csatQuestion,
    commentPrompt: settings.csatCommentPrompt,
    thanks: settings.csatThanks,
    cesQuestion: settings.cesEnabled ? settings.cesQuestion : null,
    rating: facts.rating,
    changeableUntil,
  };
}

/** Why a rating is refused, as the command error the visitor gets; nothing is stored then. */
export function assertRatable(facts: CsatFacts, settings: CsatSettings, now: number): void {
  if (facts.status !== 'closed') throw new CommandError('conflict', 'A conversation can be rated once it is closed.');
  if (!facts.hasAgentReply) throw new CommandError('forbidden', 'Nobody answered this conversation, so there is nothing to rate.');
  if (!csatPrompt(facts, settings, now)) throw new CommandError('conflict', 'The time to rate this conversation has passed.');
}

/** A comment of only whitespace is no comment. */
export const normalizeComment = (comment: string | null | undefined): string | null => {
  const trimmed = comment?.trim() ?? '';
  return trimmed ? trimmed : null;
};
