/**
 * SQLSTATEs after which a whole unit is re-run: the database refused this attempt because a
 * concurrent transaction won a race, and a fresh attempt re-reads what the winner committed.
 * - 40001 serialization_failure, 40P01 deadlock_detected: the classic retryable pair.
 * - 55P03 lock_not_available: `lock_timeout` fired while another unit held the row.
 * - 23505 unique_violation: a check-then-insert lost to a concurrent insert of the same key (the
 *   first message of a visitor's two tabs); the re-run finds the winner's row and uses it.
 */
const RETRYABLE = new Set(['40001', '40P01', '55P03', '23505']);

/** The SQLSTATE of a pg error, looking through wrappers (drizzle wraps driver errors in `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && RETRYABLE.has(state);
}

/** Jittered backoff before attempt `attempt + 1`: a few ms, so racing units do not collide again in step. */
export function retryDelayMs(attempt: number): number {
  return Math.random() * 5 * 2 ** Math.min(attempt, 5);
}
