import { MESSAGE_PAGE_BYTES, MESSAGE_PAGE_COUNT, TRANSCRIPT_PAGE_BYTES, TRANSCRIPT_PAGE_COUNT } from '@hearth/protocol';

/**
 * Cuts a list to one page by count and by serialized size (UTF-8 bytes of its JSON), keeping at
 * least one item so a client paging through always moves forward. `hasMore` is true when items
 * were cut here or when the caller's query was itself cut at `fetched` rows.
 *
 * @example
 * takePage(messages, { maxCount: 200, maxBytes: 256 * 1024 }) // { items: [...first ~50 of 5,000 chars], hasMore: true }
 */
export function takePage<T>(
  items: readonly T[],
  { maxCount, maxBytes, fetchedLimit }: { maxCount: number; maxBytes: number; fetchedLimit?: number },
): { items: T[]; hasMore: boolean } {
  const page: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (page.length >= maxCount) break;
    const size = Buffer.byteLength(JSON.stringify(item));
    if (page.length > 0 && bytes + size > maxBytes) break;
    page.push(item);
    bytes += size;
  }
  const cut = page.length < items.length;
  return { items: page, hasMore: cut || (fetchedLimit !== undefined && items.length >= fetchedLimit) };
}

/**
 * One page of messages for a sync or open answer. The query reads one row past MESSAGE_PAGE_COUNT,
 * so a full page of the count knows there is more.
 */
export function messagePage<T>(messages: readonly T[]): { messages: T[]; hasMore: boolean } {
  const { items, hasMore } = takePage(messages, { maxCount: MESSAGE_PAGE_COUNT, maxBytes: MESSAGE_PAGE_BYTES });
  return { messages: items, hasMore };
}

/** Transcript lines from `after` (lines already sent), one page; `next` is the following call's `after`. */
export function transcriptPage<T>(lines: readonly T[], after = 0): { entries: T[]; next: number | null } {
  const { items, hasMore } = takePage(lines.slice(after), { maxCount: TRANSCRIPT_PAGE_COUNT, maxBytes: TRANSCRIPT_PAGE_BYTES });
  return { entries: items, next: hasMore ? after + items.length : null };
}
