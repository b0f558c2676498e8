import type { AgentId, SiteId } from '@hearth/protocol';

/** A canned reply as stored: `agentId` null means site-wide, else personal to that agent. */
export interface CannedRow {
  id: string;
  siteId: SiteId;
  agentId: AgentId | null;
  title: string;
  /** Unique per scope: among a site's site-wide replies, or among one agent's personal ones there. */
  shortcut: string;
  text: string;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
}

/**
 * Canned replies (canned/canned-rules.ts decides who may change which). Shortcut uniqueness is a
 * partial unique index per scope; the write functions report a taken shortcut as `'conflict'`
 * (checked first, without a lock: on PostgreSQL a concurrent insert of the same shortcut is a
 * unique violation, the unit re-runs and then sees the conflict).
 */
export interface CannedStore {
  /** Site-wide replies of `siteIds` and the agent's own personal ones there, by shortcut. */
  list(siteIds: readonly SiteId[], agentId: AgentId): Promise<CannedRow[]>;
  /** One reply of the site, whoever's it is (the caller checks it may see it). */
  get(siteId: SiteId, id: string): Promise<CannedRow | null>;
  insert(row: CannedRow): Promise<'ok' | 'conflict'>;
  /** Changes title, shortcut and text of an existing reply (found with {@link get}). */
  update(row: CannedRow): Promise<'ok' | 'conflict'>;
  delete(siteId: SiteId, id: string): Promise<void>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    canned: CannedStore;
  }
}
