import type { SiteId, VisitorId } from '@hearth/protocol';

/** A host user the host page vouched for with the identity hash. */
export interface VerifiedUser {
  externalId: string;
  name: string | null;
  email: string | null;
}

/** Identified visitors: one visitor per (site, host user id), under a unique index. */
export interface IdentityStore {
  /**
   * The visitor for a verified host user, as of `now`: the one already linked to that id, else the
   * anonymous visitor `tokenVisitorId` of this browser adopted (so what they wrote before signing in
   * stays theirs), else a new one. Name and email are refreshed from the host page. Inside a unit.
   * PostgreSQL: two first identifies of one user race on the (site, external id) unique index; the
   * loser's unit re-runs and finds the linked visitor.
   */
  identifiedVisitor(siteId: SiteId, user: VerifiedUser, tokenVisitorId: VisitorId | null, seen: { now: number; userAgent: string | null }): Promise<VisitorId>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    identity: IdentityStore;
  }
}

declare module '../store/facts.ts' {
  interface Facts {
    /**
     * A visitor became known: a verified identify linked them to a host user (`verified`), or they
     * gave an email themselves. Not recorded again for page loads of a visitor already known as them.
     */
    'visitor.identified': { siteId: SiteId; visitorId: VisitorId; externalId: string | null; name: string | null; email: string | null; verified: boolean; now: number };
  }
}
