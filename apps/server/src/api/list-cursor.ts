/**
 * Cursor pagination over a newest-first list whose only bound is an exclusive `to` on the creation
 * time (the console's transcript search). A cursor holds the last page's oldest time and the ids
 * seen at exactly that time, so rows sharing a millisecond are neither skipped nor repeated.
 */
export interface ListCursor {
  /** Epoch ms of the oldest row of the previous page. */
  t: number;
  /** Ids of the previous pages' rows created at `t`. */
  ids: string[];
}

/** At most this many ids ride in a cursor (rows sharing one millisecond beyond it may repeat). */
const MAX_IDS = 100;

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor, or null when it is not one of ours. */
export function decodeCursor(raw: string): ListCursor | null {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<ListCursor>;
    if (!Number.isSafeInteger(value.t) || !Array.isArray(value.ids) || value.ids.length > MAX_IDS || !value.ids.every((id) => typeof id === 'string')) return null;
    return { t: value.t!, ids: value.ids };
  } catch {
    return null;
  }
}

/**
 * One page from `rows` (newest first, fetched with `to = cursor.t + 1` so the cursor's millisecond
 * is included): drops what the cursor says was seen, keeps `limit`, and makes the next cursor when
 * more may follow (`fetchedFull`: the source returned as many rows as asked).
 */
export function pageOf<T>(rows: T[], cursor: ListCursor | null, limit: number, fetchedFull: boolean, key: (row: T) => { id: string; t: number }): { page: T[]; next: ListCursor | null } {
  const seen = new Set(cursor?.ids ?? []);
  const fresh = rows.filter((r) => !(cursor && key(r).t === cursor.t && seen.has(key(r).id)));
  const page = fresh.slice(0, limit);
  const more = fresh.length > limit || (fetchedFull && page.length === limit);
  if (!more || page.length === 0) return { page, next: null };
  const t = key(page.at(-1)!).t;
  const carried = cursor && cursor.t === t ? cursor.ids : [];
  const ids = [...carried, ...page.filter((r) => key(r).t === t).map((r) => key(r).id)].slice(-MAX_IDS);
  return { page, next: { t, ids } };
}
