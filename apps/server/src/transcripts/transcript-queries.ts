import { asc, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, ConversationId, TranscriptEntry } from '@hearth/protocol';
import { eventsOf } from '../conversations/conversation-events.ts';
import { describeEvent, mergeTranscript } from './transcript-lines.ts';

const { agents, messages } = schema;

/** Everything said and done in one conversation, in order. The caller has checked access. */
export function transcriptOf(db: HearthDb, conversationId: ConversationId): TranscriptEntry[] {
  const said = db
    .select({ at: messages.createdAt, authorType: messages.authorType, authorName: messages.authorName, body: messages.body })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.seq))
    .all()
    .map(
      (m): TranscriptEntry => ({
        kind: 'message',
        at: m.at,
        author: m.authorType === 'visitor' ? (m.authorName ?? 'Visitor') : m.authorType === 'agent' ? `${m.authorName ?? 'Agent'} (agent)` : 'System',
        text: m.body,
      }),
    );
  const raw = eventsOf(db, conversationId);
  // Only the agents these events name (an id in `actorId` or in `data.agentId`).
  const ids = [...new Set(raw.flatMap((e) => [e.actorType === 'agent' ? e.actorId : null, e.data.agentId]).filter((id): id is string => typeof id === 'string'))];
  const names = new Map(
    ids.length ? db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, ids as AgentId[])).all().map((a) => [a.id as string, a.name]) : [],
  );
  const events = raw.map((e) => describeEvent(e, (id) => names.get(id) ?? 'a former agent'));
  return mergeTranscript(said, events);
}
