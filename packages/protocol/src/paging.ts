/**
 * Answers that grow with history are paged by count AND bytes, so no single answer (and no
 * socket's send buffer) grows with how much a visitor has written. A page always holds at least
 * one item; `hasMore: true` means "ask again from the last item you got".
 *
 * @example
 * let after = 0;
 * for (;;) { const page = await sync(after); apply(page.messages); if (!page.hasMore) break; after = last(page.messages).seq; }
 */
export const MESSAGE_PAGE_COUNT = 200;
/** Serialized bytes (UTF-8 JSON) of one page's items; 256 KiB is ~50 messages of 5,000 characters. */
export const MESSAGE_PAGE_BYTES = 256 * 1024;
/** Transcript lines per `transcript:get` page, and their bytes. */
export const TRANSCRIPT_PAGE_COUNT = 500;
export const TRANSCRIPT_PAGE_BYTES = 256 * 1024;

/** Socket.IO connect_error message when a visitor or client address already has its share of sockets. */
export const TOO_MANY_CONNECTIONS = 'too_many_connections';
