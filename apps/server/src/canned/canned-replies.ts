import { randomUUID } from 'node:crypto';
import type { AgentId, CannedReply, CannedReplyCreate, CannedReplyInput, SiteId } from '@hearth/protocol';
import type { StoreTx } from '../store/store.ts';
import { mayEditCanned, type SiteRole } from './canned-rules.ts';
import type { CannedRow } from './canned.store.ts';

export interface CannedCaller {
  agentId: AgentId;
  sites: ReadonlyArray<{ id: SiteId; role: SiteRole }>;
}

export type CannedResult = { ok: true; reply: CannedReply } | { ok: false; code: 'not_found' | 'forbidden' | 'conflict' };

function toReply(row: CannedRow, caller: CannedCaller): CannedReply {
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
export async function listCanned(read: StoreTx, caller: CannedCaller, siteIds: readonly SiteId[]): Promise<CannedReply[]> {
  return (await read.canned.list(siteIds, caller.agentId)).map((row) => toReply(row, caller));
}

/** In the caller's unit: a new reply, if the caller may write that scope and the shortcut is free. */
export async function createCanned(tx: StoreTx, caller: CannedCaller, siteId: SiteId, input: CannedReplyCreate, now: number): Promise<CannedResult> {
  const role = caller.sites.find((s) => s.id === siteId)?.role;
  if (!role) return { ok: false, code: 'not_found' };
  const agentId = input.scope === 'site' ? null : caller.agentId;
  if (!mayEditCanned({ agentId }, role, caller.agentId)) return { ok: false, code: 'forbidden' };
  const row: CannedRow = { id: randomUUID(), siteId, agentId, title: input.title, shortcut: input.shortcut, text: input.text, createdAt: now, updatedAt: now };
  if ((await tx.canned.insert(row)) === 'conflict') return { ok: false, code: 'conflict' };
  return { ok: true, reply: toReply(row, caller) };
}

/** A reply the caller may see (else not_found, so ids of others' replies are not confirmed) and change. */
async function editableRow(tx: StoreTx, caller: CannedCaller, siteId: SiteId, id: string): Promise<{ ok: true; row: CannedRow } | { ok: false; code: 'not_found' | 'forbidden' }> {
  const role = caller.sites.find((s) => s.id === siteId)?.role;
  if (!role) return { ok: false, code: 'not_found' };
  const row = await tx.canned.get(siteId, id);
  if (!row || (row.agentId !== null && row.agentId !== caller.agentId)) return { ok: false, code: 'not_found' };
  if (!mayEditCanned(row, role, caller.agentId)) return { ok: false, code: 'forbidden' };
  return { ok: true, row };
}

/** In the caller's unit. */
export async function updateCanned(tx: StoreTx, caller: CannedCaller, siteId: SiteId, id: string, input: CannedReplyInput, now: number): Promise<CannedResult> {
  const found = await editableRow(tx, caller, siteId, id);
  if (!found.ok) return found;
  const row: CannedRow = { ...found.row, title: input.title, shortcut: input.shortcut, text: input.text, updatedAt: now };
  if ((await tx.canned.update(row)) === 'conflict') return { ok: false, code: 'conflict' };
  return { ok: true, reply: toReply(row, caller) };
}

/** In the caller's unit. Answers the deleted reply, so the caller knows whom to tell (site-wide or personal). */
export async function deleteCanned(tx: StoreTx, caller: CannedCaller, siteId: SiteId, id: string): Promise<CannedResult> {
  const found = await editableRow(tx, caller, siteId, id);
  if (!found.ok) return found;
  await tx.canned.delete(siteId, id);
  return { ok: true, reply: toReply(found.row, caller) };
}
