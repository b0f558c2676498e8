import { asc, eq, inArray } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, ConversationId, TranscriptEntry } from '@hearth/protocol';
import { eventsOf } from '../conversations/conversation-events.ts';
import { agentsNamedIn, buildTranscript, buildVisitorTranscript } from './transcript.ts';

const { agents, messages } = schema;

/**
 * @deprecated Synchronous SQLite read for code not yet behind the storage seam (conversations/);
 * use `loadTranscript` (transcript.ts). With `display`, the visitor's own transcript (buildVisitorTranscript).
 */
export function transcriptOf(db: HearthDb, conversationId: ConversationId, display?: { showAgents: boolean; siteName: string }): TranscriptEntry[] {
  const said = db
    .select({ at: messages.createdAt, authorType: messages.authorType, authorName: messages.authorName, body: messages.body })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.seq))
    .all();
  const events = eventsOf(db, conversationId);
  const ids = agentsNamedIn(events);
  const names = new Map<string, string>(
    ids.length
      ? db
          .select({ id: agents.id, name: agents.name })
          .from(agents)
          .where(inArray(agents.id, ids as AgentId[]))
          .all()
          .map((a) => [a.id, a.name])
      : [],
  );
  return display ? buildVisitorTranscript(said, events, names, display) : buildTranscript(said, events, names);
}
