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

/** What the visitor's widget showed them happen; routing's internals (missed, requeued) and notes are not. */
const VISITOR_SAW = new Set(['conversation.started', 'conversation.assigned', 'conversation.closed', 'conversation.reopened', 'conversation.transferred', 'csat.rated']);
/** Events that name an agent: with agents hidden the visitor only ever saw the site's name, so they are left out. */
const NAMES_AN_AGENT = new Set(['conversation.assigned', 'conversation.transferred']);

/**
 * A visitor's own transcript (the widget's download): what they saw, nothing more. No routing lines,
 * no internal trigger name; with "show agents" off (Settings → Appearance) agents' messages and
 * actions are signed with the site's name, as in the widget, and no agent is named.
 */
export function buildVisitorTranscript(
  said: readonly TranscriptMessage[],
  events: readonly RawEvent[],
  names: ReadonlyMap<string, string>,
  display: { showAgents: boolean; siteName: string },
): TranscriptEntry[] {
  const seen = events
    .filter((e) => VISITOR_SAW.has(e.type) && (display.showAgents || !NAMES_AN_AGENT.has(e.type)))
    .map((e) => (e.type === 'conversation.started' ? { ...e, data: { ...e.data, triggerName: undefined } } : e));
  if (display.showAgents) return buildTranscript(said, seen, names);
  const asSite = said.map((m) => (m.authorType === 'agent' ? { ...m, authorName: display.siteName } : m));
  return buildTranscript(asSite, seen, new Map(agentsNamedIn(seen).map((id) => [id, display.siteName])));
}

/** Everything said and done in one conversation, in order. The caller has checked access. */
export async function loadTranscript(read: StoreTx, conversationId: ConversationId): Promise<TranscriptEntry[]> {
  const said = await read.transcripts.messagesOf(conversationId);
  const events = await read.transcripts.eventsOf(conversationId);
  return buildTranscript(said, events, await read.team.agentNames(agentsNamedIn(events)));
}
