import type { RageEvidence } from '@hearth/chat-client';

export interface ClickSample {
  /** ms, any monotonic clock. */
  t: number;
  x: number;
  y: number;
  /** Identity of the clicked element (the element itself in the browser). */
  target: unknown;
}

export interface RageSettings {
  clicks: number;
  windowMs: number;
  radiusPx: number;
}

/**
 * Rage click, as PostHog counts one: at least `clicks` clicks within `windowMs` and `radiusPx` of
 * each other on the same element. Feed it every click; it answers with the evidence once the
 * burst is long enough (and again, with a bigger count, for every further click of the burst).
 */
export function createRageClickDetector({ clicks, windowMs, radiusPx }: RageSettings): (click: ClickSample) => Omit<RageEvidence, 'label'> | null {
  let burst: ClickSample[] = [];
  return (c) => {
    // A click elsewhere, or too late, starts a new burst: only clicks consistent with this one stay.
    burst = burst.filter((p) => p.target === c.target && c.t - p.t <= windowMs && Math.hypot(c.x - p.x, c.y - p.y) <= radiusPx);
    burst.push(c);
    return burst.length >= clicks ? { clicks: burst.length, ms: c.t - burst[0]!.t } : null;
  };
}
