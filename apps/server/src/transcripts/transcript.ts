import type { AgentId, ConversationId, TranscriptEntry } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import { describeEvent, mergeTranscript, type RawEvent } from './transcript-lines.ts';
import type { TranscriptMessage } from './transcript.store.ts';

/** The agents an event names (an id in `actorId` or in `data.agentId`): only their names are looked up. */
export function agentsNamedIn(events: readonly RawEvent[]): AgentId[] {
  const ids = events.flatMap((e) => [e.actorType === 'agent' ? e.actorId : null, e.data.agentId]);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))] as AgentId[];
}

/** Messages and described events as one ordered transcript; a missing name reads "a former agent". */
export function buildTranscript(said: readonly TranscriptMessage[], events: readonly RawEvent[], names: ReadonlyMap<string, string>): TranscriptEntry[] {
  const lines = said.map(
    (m): TranscriptEntry => ({
      kind: 'message',
      at: m.at,
      author: m.authorType === 'visitor' ? (m.authorName ?? 'Visitor') : m.authorType === 'agent' ? `${m.authorName ?? 'Agent'} (agent)` : 'System',
      text: m.body,
    }),
  );
  return mergeTranscript(
    lines,
    events.map((e) => describeEvent(e, (id) => names.get(id) ?? 'a former agent')),
  );
}

/** Everything said and done in one conversation, in order. The caller has checked access. */
export async function loadTranscript(read: StoreTx, conversationId: ConversationId): Promise<TranscriptEntry[]> {
  const said = await read.transcripts.messagesOf(conversationId);
  const events = await read.transcripts.eventsOf(conversationId);
  return buildTranscript(said, events, await read.team.agentNames(agentsNamedIn(events)));
}
