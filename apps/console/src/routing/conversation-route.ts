import type { ConversationId } from '@hearth/protocol';

/**
 * The open conversation lives in the URL (/console/conversations/<id>) so a reload or a shared
 * link opens it again; the server answers every /console/* path with the SPA.
 *
 * @example conversationIdFromPath('/console/conversations/abc') // 'abc'
 */
const BASE = '/console';
const ROUTE = /^\/console\/conversations\/([A-Za-z0-9_-]{1,64})\/?$/;

/** The URL is user input: only the id's shape is checked here; the server checks access. */
export function conversationIdFromPath(pathname: string): ConversationId | null {
  return (ROUTE.exec(pathname)?.[1] as ConversationId | undefined) ?? null;
}

export function pathForConversation(id: string | null): string {
  return id === null ? `${BASE}/` : `${BASE}/conversations/${encodeURIComponent(id)}`;
}
