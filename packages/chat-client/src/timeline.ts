import type { Message } from '@hearth/protocol';

/**
 * Merges messages into a timeline ordered by seq. A message seen twice (a live event and a resync,
 * or an ack and its broadcast) is kept once: seq is unique per conversation.
 * Returns the same array when nothing changed, so UI state can skip a render.
 */
export function mergeMessages(timeline: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return timeline as Message[];
  const bySeq = new Map<number, Message>();
  for (const m of timeline) bySeq.set(m.seq, m);
  let changed = false;
  for (const m of incoming) {
    if (!bySeq.has(m.seq)) {
      bySeq.set(m.seq, m);
      changed = true;
    }
  }
  if (!changed) return timeline as Message[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Highest seq in a timeline (0 when empty): what to ask for on resync. */
export function lastSeqOf(timeline: readonly Message[]): number {
  return timeline.length === 0 ? 0 : timeline[timeline.length - 1]!.seq;
}
