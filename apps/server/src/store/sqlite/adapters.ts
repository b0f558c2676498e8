import type { SqliteAdapters } from './sqlite-store.ts';
import { sqliteAuthStore } from './auth.ts';
import { sqliteCannedStore } from './canned.ts';
import { sqliteIdentityStore } from './identity.ts';
import { sqliteInstanceStore } from './instance.ts';
import { sqliteInvitationStore } from './invitations.ts';
import { sqliteJobStore } from './jobs.ts';
import { sqliteNoteStore } from './notes.ts';
import { sqliteSiteStore } from './sites.ts';
import { sqliteTeamStore } from './team.ts';
import { sqliteTriggerStore } from './triggers.ts';
import { sqliteVisitorStore } from './visitors.ts';

/**
 * Every feature's SQLite store. A key missing here (a feature added a store interface to StoreTx
 * without an SQLite implementation) fails the type check.
 */
export const sqliteAdapters: SqliteAdapters = {
  auth: sqliteAuthStore,
  canned: sqliteCannedStore,
  identity: sqliteIdentityStore,
  instance: sqliteInstanceStore,
  invitations: sqliteInvitationStore,
  jobs: sqliteJobStore,
  notes: sqliteNoteStore,
  sites: sqliteSiteStore,
  team: sqliteTeamStore,
  triggers: sqliteTriggerStore,
  visitors: sqliteVisitorStore,
};
