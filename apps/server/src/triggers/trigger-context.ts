import { and, asc, eq } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { TriggerStartSchema, type ConversationId, type SiteId, type TriggerContext, type TriggerStart } from '@hearth/protocol';
import { getTrigger } from './trigger-store.ts';

/**
 * The `conversation.started` data for a conversation the visitor started by replying to a prompt:
 * `{ triggerId, triggerName, evidence, timeline, prompt }` (reports group by triggerId). The trigger
 * must be one of the site's; its name and prompt come from the database, not from the browser.
 * Null otherwise.
 */
export function triggerStartData(db: HearthDb, siteId: SiteId, context: TriggerContext | undefined): TriggerStart | null {
  if (!context) return null;
  const rule = getTrigger(db, siteId, context.triggerId);
  return rule ? { ...context, triggerName: rule.name, prompt: rule.action.message } : null;
}

/** The trigger a conversation started from, as recorded in its `conversation.started` event. */
export function startedByTrigger(db: HearthDb, conversationId: ConversationId): TriggerStart | null {
  const row = db
    .select({ data: schema.conversationEvents.data })
    .from(schema.conversationEvents)
    .where(and(eq(schema.conversationEvents.conversationId, conversationId), eq(schema.conversationEvents.type, 'conversation.started')))
    .orderBy(asc(schema.conversationEvents.id))
    .get();
  if (!row) return null;
  try {
    const parsed = TriggerStartSchema.safeParse(JSON.parse(row.data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
