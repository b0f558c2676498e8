import { normalizeOrigin, type SiteId } from '@hearth/protocol';
import type { Store } from '../store/store.ts';
import { MAX_INSTALL_ORIGINS } from './site-lifecycle.ts';

/** (site, origin) pairs this process has recorded or found recorded: most config requests then write nothing. */
const SEEN_CAP = 10_000;

/**
 * The install check's writer: the widget's config request carries the host page's `Origin`, and
 * the first one from each origin is recorded for the site (Settings shows "installed on …" from
 * it). Bounded twice: per site by {@link MAX_INSTALL_ORIGINS} in the store, and in this process by
 * a set of pairs already handled, cleared when it fills (a later request may write once more,
 * which the store turns into a no-op).
 */
export function installRecorder(store: Store): (siteId: SiteId, originHeader: string | undefined) => Promise<void> {
  const seen = new Set<string>();
  return async (siteId, originHeader) => {
    const origin = originHeader ? normalizeOrigin(originHeader) : null;
    if (!origin) return;
    const pair = `${siteId} ${origin}`;
    if (seen.has(pair)) return;
    if (seen.size >= SEEN_CAP) seen.clear();
    seen.add(pair);
    try {
      await store.unit((tx) => tx.siteLifecycle.recordInstall(siteId, origin, Date.now(), MAX_INSTALL_ORIGINS));
    } catch (err) {
      seen.delete(pair);
      throw err;
    }
  };
}
