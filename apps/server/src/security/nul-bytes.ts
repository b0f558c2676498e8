/**
 * A NUL character in any text a client sends is refused at the door (HTTP and sockets alike):
 * PostgreSQL cannot store it in `text` (the query fails: a 500), SQLite's FTS and C libraries
 * treat it as the end of the string, and no legitimate input contains one. Walks parsed JSON,
 * query strings and socket payloads (bounded by their size limits).
 *
 * @example hasNulByte({ q: 'a\u0000b' }) // true
 */
export function hasNulByte(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasNulByte(item, depth + 1));
  for (const [key, item] of Object.entries(value)) if (key.includes('\u0000') || hasNulByte(item, depth + 1)) return true;
  return false;
}
