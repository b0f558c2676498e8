import type { HostToFrame } from '@hearth/protocol';

/** A `Hearth('track', ...)` event as the loader keeps it for the visit. */
export type HostTrack = Extract<HostToFrame, { type: 'hearth:track' }>['event'];

/**
 * The visit's tracked events live in sessionStorage as one JSON record per line (the newest
 * TRACK_REPLAY): the loader appends a line without reading any back, and the frame link reads
 * them when the chat frame loads on a later page. A line in any other shape (a page's patched JSON,
 * an older format) is skipped, never replayed.
 *
 * @example readTracks('{"id":"a1","at":1,"name":"cart","props":{"value":84}}\n[1]') // [{ id: 'a1', at: 1, name: 'cart', props: { value: 84 } }]
 */
export function readTracks(text: string | null): HostTrack[] {
  const tracks: HostTrack[] = [];
  for (const line of (text ?? '').split('\n')) {
    try {
      const e = JSON.parse(line);
      if (typeof e.id == 'string' && typeof e.name == 'string' && typeof e.at == 'number' && (e.props === undefined || (e.props && typeof e.props == 'object' && !Array.isArray(e.props)))) tracks.push(e);
    } catch {
      // not one of ours
    }
  }
  return tracks;
}
