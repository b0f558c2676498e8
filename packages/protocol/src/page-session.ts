import type { PageView } from './conversation.ts';

/** The usual analytics rule: more than 30 minutes between two page views starts a new session. */
export const SESSION_GAP_MS = 30 * 60 * 1000;
/** The sidebar shows at most this many of the current session's views. */
export const SESSION_PAGES_CAP = 50;

/**
 * The page views of the visitor's current session, newest first: `newestFirst` up to (not past) the
 * first gap of more than `gapMs` between consecutive views, capped at `cap`. Shared by the server's
 * query and the console's live list so both mean the same "pages visited this session".
 *
 * @example sessionPages([{ viewedAt: 3_600_000, ... }, { viewedAt: 0, ... }]) // only the first: an hour apart
 */
export function sessionPages(newestFirst: readonly PageView[], cap = SESSION_PAGES_CAP, gapMs = SESSION_GAP_MS): PageView[] {
  const session: PageView[] = [];
  for (const view of newestFirst) {
    if (session.length >= cap) break;
    const newer = session[session.length - 1];
    if (newer && newer.viewedAt - view.viewedAt > gapMs) break;
    session.push(view);
  }
  return session;
}
