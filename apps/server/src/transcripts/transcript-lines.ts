import type { TranscriptEntry } from '@hearth/protocol';

export interface RawEvent {
  type: string;
  actorType: 'visitor' | 'agent' | 'system';
  actorId: string | null;
  data: Record<string, unknown>;
  createdAt: number;
}

const CLOSE_REASON: Record<string, string> = {
  agent: 'closed by the agent',
  visitor: 'ended by the visitor',
  inactivity: 'closed after inactivity',
};

/**
 * One line describing an event, for transcripts. Agent names come from `agentName` (the current
 * name; events store ids). Unknown types (a later feature's) still show, by their type.
 */
export function describeEvent(e: RawEvent, agentName: (id: string) => string): DescribedEvent {
  const agent = (key: string) => {
    const id = e.data[key];
    return typeof id === 'string' ? agentName(id) : 'an agent';
  };
  let text: string;
  switch (e.type) {
    case 'conversation.started':
      text = typeof e.data.triggerName === 'string' ? `Conversation started by trigger "${e.data.triggerName}"` : 'Conversation started';
      break;
    case 'conversation.assigned':
      text = `Assigned to ${agent('agentId')}`;
      break;
    case 'conversation.closed':
      text = `Conversation ${CLOSE_REASON[String(e.data.reason)] ?? 'closed'}`;
      break;
    case 'conversation.reopened':
      text = 'Conversation reopened by the visitor';
      break;
    case 'conversation.transferred':
      // The transfer note is internal: transcripts (which visitors download) never carry it.
      text = typeof e.data.toAgentId === 'string' ? `Transferred to ${agent('toAgentId')}` : 'Transferred to another team';
      break;
    case 'conversation.missed':
      text = `${agent('agentId')} did not answer in time; passed on`;
      break;
    case 'conversation.requeued':
      text = 'Back in the queue (the agent went offline)';
      break;
    case 'csat.rated':
      text = `Rated ${String(e.data.score)}/5${typeof e.data.ces === 'number' ? `, effort ${e.data.ces}/5` : ''}`;
      break;
    default:
      text = e.type;
  }
  const author = e.actorType === 'agent' && e.actorId ? agentName(e.actorId) : e.actorType === 'visitor' ? 'Visitor' : 'System';
  return { entry: { kind: 'event', at: e.createdAt, author, text }, leads: OPENING.has(e.type) };
}

/** Events that open a conversation: written in the same transaction as (and so just before) its message. */
const OPENING = new Set(['conversation.started', 'conversation.reopened']);

export interface DescribedEvent {
  entry: TranscriptEntry;
  /** At the same millisecond as a message, this event goes before it. */
  leads: boolean;
}

/**
 * Messages and events in the order they happened. Both lists are in order already; at the same
 * millisecond (one transaction writes a message and its event) an opening event goes before the
 * message and every other event after it.
 */
export function mergeTranscript(messages: TranscriptEntry[], events: DescribedEvent[]): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < messages.length || j < events.length) {
    const m = messages[i];
    const e = events[j];
    if (m && (!e || m.at < e.entry.at || (m.at === e.entry.at && !e.leads))) {
      out.push(m);
      i++;
    } else {
      out.push(e!.entry);
      j++;
    }
  }
  return out;
}
