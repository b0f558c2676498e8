import { and, asc, eq } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import { TriggerStartSchema, type ConversationId, type SiteId, type TriggerContext, type TriggerStart } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import { ruleFromRow } from '../store/trigger-rows.ts';
import './trigger.store.ts';

/**
 * The `conversation.started` data for a conversation the visitor started by replying to a prompt:
 * `{ triggerId, triggerName, evidence, timeline, prompt }` (reports group by triggerId). The trigger
 * must be one of the site's; its name and prompt come from the database, not from the browser.
 * Null otherwise.
 */
export async function triggerStartOf(read: StoreTx, siteId: SiteId, context: TriggerContext | undefined): Promise<TriggerStart | null> {
  if (!context) return null;
  const rule = await read.triggers.get(siteId, context.triggerId);
  return rule ? { ...context, triggerName: rule.name, prompt: rule.action.message } : null;
}

/** The trigger a conversation started from, as recorded in its `conversation.started` event. */
export async function conversationStartedBy(read: StoreTx, conversationId: ConversationId): Promise<TriggerStart | null> {
  const parsed = TriggerStartSchema.safeParse(await read.triggers.startedData(conversationId));
  return parsed.success ? parsed.data : null;
}

/**
 * @deprecated Synchronous SQLite read for code not yet behind the storage seam (conversations/);
 * use {@link triggerStartOf}.
 */
export function triggerStartData(db: HearthDb, siteId: SiteId, context: TriggerContext | undefined): TriggerStart | null {
  if (!context) return null;
  const { triggers } = schema;
  const row = db.select({ id: triggers.id, rule: triggers.rule }).from(triggers).where(and(eq(triggers.id, context.triggerId), eq(triggers.siteId, siteId))).get();
  const rule = row ? ruleFromRow(row) : null;
  return rule ? { ...context, triggerName: rule.name, prompt: rule.action.message } : null;
}

/**
 * @deprecated Synchronous SQLite read for code not yet behind the storage seam (conversations/);
 * use {@link conversationStartedBy}.
 */
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
