import type { PgAdapters } from './pg-store.ts';
import { pgJobStore } from './jobs.ts';
import { pgMetricsStore } from './metrics.ts';
import { pgNoteStore } from './notes.ts';
import { pgFileBlobRowStore, pgFileStore } from './files.ts';
import { pgMailStore } from './mail.ts';
import { pgSiteLifecycleStore } from './site-lifecycle.ts';
import { pgAuthStore } from './auth.ts';
import { pgCannedStore } from './canned.ts';
import { pgCsatStore } from './csat.ts';
import { pgDataCareStore } from './data-care.ts';
import { pgIdentityStore } from './identity.ts';
import { pgInstanceStore } from './instance.ts';
import { pgInvitationStore } from './invitations.ts';
import { pgLabelStore } from './labels.ts';
import { pgReportStore } from './reports.ts';
import { pgSiteStore } from './sites.ts';
import { pgTeamStore } from './team.ts';
import { pgTranscriptStore } from './transcripts.ts';
import { pgTriggerStore } from './triggers.ts';
import { pgVisitorStore } from './visitors.ts';
import { pgAccountStore } from './accounts.ts';
import { pgApiStore } from './api.ts';
import { pgWebhookStore } from './webhooks.ts';

/**
 * Every feature's PostgreSQL store, mirroring store/sqlite/adapters.ts. A key missing here (a
 * feature added a store interface to StoreTx without a PostgreSQL twin) fails the type check.
 */
export const pgAdapters: PgAdapters = {
  jobs: pgJobStore,
  metrics: pgMetricsStore,
  notes: pgNoteStore,
  files: pgFileStore,
  fileBlobs: pgFileBlobRowStore,
  mail: pgMailStore,
  siteLifecycle: pgSiteLifecycleStore,
  auth: pgAuthStore,
  canned: pgCannedStore,
  csat: pgCsatStore,
  dataCare: pgDataCareStore,
  identity: pgIdentityStore,
  instance: pgInstanceStore,
  invitations: pgInvitationStore,
  labels: pgLabelStore,
  reports: pgReportStore,
  sites: pgSiteStore,
  team: pgTeamStore,
  transcripts: pgTranscriptStore,
  triggers: pgTriggerStore,
  visitors: pgVisitorStore,
  api: pgApiStore,
  webhooks: pgWebhookStore,
  accounts: pgAccountStore,
};
