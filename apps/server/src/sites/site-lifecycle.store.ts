import type { AgentId, SiteId } from '@hearth/protocol';

/** A new site and its owner (the account that created it). */
export interface NewSite {
  id: SiteId;
  /** Public key of the embed snippet. */
  key: string;
  name: string;
  /** The identity-verification secret. */
  secret: string;
  /** The settings document (SiteSettingsSchema), already serialised. */
  settings: string;
  ownerId: AgentId;
  /** Epoch ms. */
  now: number;
}

/**
 * Sites as things that are created, renamed, re-keyed and erased (issue 13), and the install
 * check. Settings live with sites/site-settings; memberships with team/.
 */
export interface SiteLifecycleStore {
  /** Inserts the site and the owner's membership. Two rows; one unit. */
  create(site: NewSite): Promise<void>;
  /** How many sites `agentId` owns (new sites are capped per account). */
  ownedCount(agentId: AgentId): Promise<number>;
  /** Renames the site; false if it does not exist. */
  rename(siteId: SiteId, name: string): Promise<boolean>;
  /** Replaces the identity secret (every signed identify hash of the old one stops verifying). */
  replaceSecret(siteId: SiteId, secret: string): Promise<boolean>;
  /** The site's name, or null: the typed confirmation of a deletion compares with it. */
  nameOf(siteId: SiteId): Promise<string | null>;
  /**
   * Erases the site and everything of it — conversations, messages, events, visitors, page views,
   * triggers and their figures, labels, canned replies, invitations, memberships, its mail and jobs
   * — by deleting the site row in the caller's unit (every table of a site's data references it,
   * directly or through a conversation or visitor, ON DELETE CASCADE). Returns the members it had
   * (active and deactivated), to close their sockets after the commit; null if there was no site.
   */
  erase(siteId: SiteId): Promise<{ memberIds: AgentId[] } | null>;
  /**
   * The install check: records that the widget's config was requested from `origin`, once per
   * (site, origin), and only while the site has fewer than `cap` recorded origins (a visitor who
   * forges Origin headers cannot grow the table). True when this call added it.
   */
  recordInstall(siteId: SiteId, origin: string, now: number, cap: number): Promise<boolean>;
  /** Recorded origins, first seen first. */
  installs(siteId: SiteId): Promise<Array<{ origin: string; firstSeenAt: number }>>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    siteLifecycle: SiteLifecycleStore;
  }
}
