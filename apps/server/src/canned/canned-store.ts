import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AgentId, CannedReply, CannedReplyCreate, CannedReplyInput, SiteId } from '@hearth/protocol';
import { mayEditCanned, type SiteRole } from './canned-rules.ts';

const { cannedReplies } = schema;

export interface CannedCaller {
  agentId: AgentId;
  sites: ReadonlyArray<{ id: SiteId; role: SiteRole }>;
}

export type CannedResult = { ok: true; reply: CannedReply } | { ok: false; code: 'not_found' | 'forbidden' | 'conflict' };

type Row = typeof cannedReplies.$inferSelect;

function toReply(row: Row, caller: CannedCaller): CannedReply {
  const role = caller.sites.find((s) => s.id === row.siteId)?.role ?? 'agent';
  return {
    id: row.id,
    siteId: row.siteId,
    scope: row.agentId === null ? 'site' : 'personal',
    agentId: row.agentId,
    title: row.title,
    shortcut: row.shortcut,
    text: row.text,
    editable: mayEditCanned(row, role, caller.agentId),
    updatedAt: row.updatedAt,
  };
}

/** The replies the caller can use: site-wide ones of their sites and their own personal ones. */
export function listCanned(db: HearthDb, caller: CannedCaller, siteIds: readonly SiteId[]): CannedReply[] {
  if (siteIds.length === 0) return [];
  return db
    .select()
    .from(cannedReplies)
    .where(and(inArray(cannedReplies.siteId, [...siteIds]), or(isNull(cannedReplies.agentId), eq(cannedReplies.agentId, caller.agentId))))
    .orderBy(asc(cannedReplies.shortcut))
    .all()
    .map((row) => toReply(row, caller));
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createCanned(db: HearthDb, caller: CannedCaller, siteId: SiteId, input: CannedReplyCreate, now: number): CannedResult {
  const role = caller.sites.find((s) => s.id === siteId)?.role;
  if (!role) return { ok: false, code: 'not_found' };
  const agentId = input.scope === 'site' ? null : caller.agentId;
  if (!mayEditCanned({ agentId }, role, caller.agentId)) return { ok: false, code: 'forbidden' };
  const row: Row = { id: randomUUID(), siteId, agentId, title: input.title, shortcut: input.shortcut, text: input.text, createdAt: now, updatedAt: now };
  try {
    db.insert(cannedReplies).values(row).run();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: 'conflict' };
    throw error;
  }
  return { ok: true, reply: toReply(row, caller) };
}

/** A reply the caller may see (else not_found, so ids of others' replies are not confirmed) and change. */
function editableRow(db: HearthDb, caller: CannedCaller, siteId: SiteId, id: string): { ok: true; row: Row } | { ok: false; code: 'not_found' | 'forbidden' } {
  const role = caller.sites.find((s) => s.id === siteId)?.role;
  if (!role) return { ok: false, code: 'not_found' };
  const row = db.select().from(cannedReplies).where(and(eq(cannedReplies.id, id), eq(cannedReplies.siteId, siteId))).get();
  if (!row || (row.agentId !== null && row.agentId !== caller.agentId)) return { ok: false, code: 'not_found' };
  if (!mayEditCanned(row, role, caller.agentId)) return { ok: false, code: 'forbidden' };
  return { ok: true, row };
}

export function updateCanned(db: HearthDb, caller: CannedCaller, siteId: SiteId, id: string, input: CannedReplyInput, now: number): CannedResult {
  const found = editableRow(db, caller, siteId, id);
  if (!found.ok) return found;
  const row: Row = { ...found.row, title: input.title, shortcut: input.shortcut, text: input.text, updatedAt: now };
  try {
    db.update(cannedReplies).set({ title: row.title, shortcut: row.shortcut, text: row.text, updatedAt: now }).where(eq(cannedReplies.id, id)).run();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: 'conflict' };
    throw error;
  }
  return { ok: true, reply: toReply(row, caller) };
}

/** Answers the deleted reply, so the caller knows whom to tell (site-wide or personal). */
export function deleteCanned(db: HearthDb, caller: CannedCaller, siteId: SiteId, id: string): CannedResult {
  const found = editableRow(db, caller, siteId, id);
  if (!found.ok) return found;
  db.delete(cannedReplies).where(eq(cannedReplies.id, id)).run();
  return { ok: true, reply: toReply(found.row, caller) };
}
