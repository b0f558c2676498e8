import { and, eq } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { StoreTx } from '../store/store.ts';
import type { VisitorProfileFields, VisitorProfileRow } from './visitor.store.ts';
import { MAX_ATTRIBUTES, type SiteId, type VisitorAttributes, type VisitorId, type VisitorProfileUpdate } from '@hearth/protocol';

const { visitors } = schema;

/** Merges attribute changes: null removes a key. Returns null when the result would be too many keys. */
export function mergeAttributes(current: VisitorAttributes, changes: VisitorAttributes): VisitorAttributes | null {
  const next: VisitorAttributes = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return Object.keys(next).length <= MAX_ATTRIBUTES ? next : null;
}

export function parseStoredAttributes(json: string | null): VisitorAttributes {
  try {
    const value: unknown = JSON.parse(json ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as VisitorAttributes) : {};
  } catch {
    return {};
  }
}

export type ProfileUpdateResult = { ok: true } | { ok: false; code: 'too_many_attributes' | 'not_found' };

/**
 * Which columns an unverified profile update from the host page changes (decide, then the caller
 * writes them). A verified visitor's name and email (from a signed identify) are never
 * overwritten by unsigned data; attributes are merged for everyone, within MAX_ATTRIBUTES.
 */
export function decideProfileChange(
  row: Pick<VisitorProfileRow, 'attributes' | 'externalId'>,
  update: VisitorProfileUpdate,
): { ok: true; set: VisitorProfileFields } | { ok: false; code: 'too_many_attributes' } {
  const attributes = update.attributes ? mergeAttributes(parseStoredAttributes(row.attributes), update.attributes) : null;
  if (update.attributes && !attributes) return { ok: false, code: 'too_many_attributes' };
  const set: VisitorProfileFields = {};
  if (attributes) set.attributes = JSON.stringify(attributes);
  // Locale is what the browser says, not an identity claim: it is kept for verified visitors too.
  if (update.timeZone !== undefined) set.timeZone = validTimeZone(update.timeZone);
  if (update.language !== undefined) set.language = update.language.trim() || null;
  if (row.externalId === null) {
    if (update.name !== undefined) set.name = update.name;
    if (update.email !== undefined) set.email = update.email;
  }
  return { ok: true, set };
}

/** Applies {@link decideProfileChange} to a visitor of the site, in the caller's unit. */
export async function changeVisitorProfile(tx: StoreTx, siteId: SiteId, visitorId: VisitorId, update: VisitorProfileUpdate): Promise<ProfileUpdateResult> {
  const row = await tx.visitors.profileForUpdate(siteId, visitorId);
  if (!row) return { ok: false, code: 'not_found' };
  const change = decideProfileChange(row, update);
  if (!change.ok) return change;
  await tx.visitors.setProfile(visitorId, change.set);
  return { ok: true };
}

/**
 * @deprecated Synchronous SQLite write for code not yet behind the storage seam (conversations/);
 * use {@link changeVisitorProfile} in a unit.
 */
export function updateVisitorProfile(db: HearthDb, siteId: SiteId, visitorId: VisitorId, update: VisitorProfileUpdate): ProfileUpdateResult {
  return db.transaction((tx) => {
    const row = tx
      .select({ attributes: visitors.attributes, externalId: visitors.externalId })
      .from(visitors)
      .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)))
      .get();
    if (!row) return { ok: false, code: 'not_found' } as const;
    const change = decideProfileChange(row, update);
    if (!change.ok) return change;
    if (Object.keys(change.set).length > 0) tx.update(visitors).set(change.set).where(eq(visitors.id, visitorId)).run();
    return { ok: true } as const;
  });
}

/** An IANA zone the runtime knows, or null: the console formats the visitor's local time with it. */
export function validTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
