import type { PgAdapters } from './pg-store.ts';
import { pgJobStore } from './jobs.ts';
import { pgMetricsStore } from './metrics.ts';
import { pgNoteStore } from './notes.ts';
import { pgMailStore } from './mail.ts';
import { pgSiteLifecycleStore } from './site-lifecycle.ts';
import { pendingOnPg } from './pending.ts';
import type { AuthStore } from '../../auth/auth.store.ts';
import type { InstanceStore } from '../../bootstrap/instance.store.ts';
import type { CannedStore } from '../../canned/canned.store.ts';
import type { CsatStore } from '../../csat/csat.store.ts';
import type { DataCareStore } from '../../data-care/data-care.store.ts';
import type { IdentityStore } from '../../identity/identity.store.ts';
import type { LabelStore } from '../../labels/label.store.ts';
import type { ReportStore } from '../../reports/report.store.ts';
import type { SiteStore } from '../../sites/site.store.ts';
import type { InvitationStore } from '../../team/invitation.store.ts';
import type { TeamStore } from '../../team/team.store.ts';
import type { TranscriptStore } from '../../transcripts/transcript.store.ts';
import type { TriggerStore } from '../../triggers/trigger.store.ts';
import type { VisitorStore } from '../../visitors/visitor.store.ts';
import { pgAccountStore } from './accounts.ts';

/**
 * Every feature's PostgreSQL store, mirroring store/sqlite/adapters.ts. A key missing here (a
 * feature added a store interface to StoreTx without a PostgreSQL twin) fails the type check.
 */
export const pgAdapters: PgAdapters = {
  jobs: pgJobStore,
  metrics: pgMetricsStore,
  notes: pgNoteStore,
  mail: pgMailStore,
  siteLifecycle: pgSiteLifecycleStore,
  // Behind the seam on SQLite; their PostgreSQL twins are to be written (each call rejects until then).
  auth: () => pendingOnPg<AuthStore>('auth'),
  canned: () => pendingOnPg<CannedStore>('canned'),
  csat: () => pendingOnPg<CsatStore>('csat'),
  dataCare: () => pendingOnPg<DataCareStore>('dataCare'),
  identity: () => pendingOnPg<IdentityStore>('identity'),
  instance: () => pendingOnPg<InstanceStore>('instance'),
  invitations: () => pendingOnPg<InvitationStore>('invitations'),
  labels: () => pendingOnPg<LabelStore>('labels'),
  reports: () => pendingOnPg<ReportStore>('reports'),
  sites: () => pendingOnPg<SiteStore>('sites'),
  team: () => pendingOnPg<TeamStore>('team'),
  transcripts: () => pendingOnPg<TranscriptStore>('transcripts'),
  triggers: () => pendingOnPg<TriggerStore>('triggers'),
  visitors: () => pendingOnPg<VisitorStore>('visitors'),
  accounts: pgAccountStore,
};
