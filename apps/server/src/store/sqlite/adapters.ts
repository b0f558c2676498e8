import type { SqliteAdapters } from './sqlite-store.ts';
import { sqliteAuthStore } from './auth.ts';
import { sqliteCannedStore } from './canned.ts';
import { sqliteCsatStore } from './csat.ts';
import { sqliteDataCareStore } from './data-care.ts';
import { sqliteIdentityStore } from './identity.ts';
import { sqliteInstanceStore } from './instance.ts';
import { sqliteInvitationStore } from './invitations.ts';
import { sqliteJobStore } from './jobs.ts';
import { sqliteLabelStore } from './labels.ts';
import { sqliteMetricsStore } from './metrics.ts';
import { sqliteNoteStore } from './notes.ts';
import { sqliteFileBlobRowStore, sqliteFileStore } from './files.ts';
import { sqliteMailStore } from './mail.ts';
import { sqliteReportStore } from './reports.ts';
import { sqliteSiteLifecycleStore } from './site-lifecycle.ts';
import { sqliteSiteStore } from './sites.ts';
import { sqliteTeamStore } from './team.ts';
import { sqliteTranscriptStore } from './transcripts.ts';
import { sqliteTriggerStore } from './triggers.ts';
import { sqliteVisitorStore } from './visitors.ts';
import { sqliteAccountStore } from './accounts.ts';
import { sqliteApiStore } from './api.ts';
import { sqliteWebhookStore } from './webhooks.ts';

/**
 * Every feature's SQLite store. A key missing here (a feature added a store interface to StoreTx
 * without an SQLite implementation) fails the type check.
 */
export const sqliteAdapters: SqliteAdapters = {
  auth: sqliteAuthStore,
  canned: sqliteCannedStore,
  csat: sqliteCsatStore,
  dataCare: sqliteDataCareStore,
  identity: sqliteIdentityStore,
  instance: sqliteInstanceStore,
  invitations: sqliteInvitationStore,
  jobs: sqliteJobStore,
  labels: sqliteLabelStore,
  metrics: sqliteMetricsStore,
  notes: sqliteNoteStore,
  files: sqliteFileStore,
  fileBlobs: sqliteFileBlobRowStore,
  mail: sqliteMailStore,
  reports: sqliteReportStore,
  siteLifecycle: sqliteSiteLifecycleStore,
  sites: sqliteSiteStore,
  team: sqliteTeamStore,
  transcripts: sqliteTranscriptStore,
  triggers: sqliteTriggerStore,
  visitors: sqliteVisitorStore,
  api: sqliteApiStore,
  webhooks: sqliteWebhookStore,
  accounts: sqliteAccountStore,
};
