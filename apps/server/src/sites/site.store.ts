import type { SiteId, SiteSettings } from '@hearth/protocol';
import type { AgentDisplay } from './agent-display.ts';

/** A site's public identity: `key` is the embed snippet's `data-site` (not a secret). */
export interface SiteProfile {
  id: SiteId;
  name: string;
  key: string;
}

export interface NewSiteRow extends SiteProfile {
  /** The identity-verification HMAC secret (never sent to a visitor). */
  secret: string;
  /** Epoch ms. */
  createdAt: number;
}

/**
 * Sites as the rest of the server reads them, and their settings document (one JSON text per
 * site, parsed by SiteSettingsSchema with every default filled in). Reads return null for an
 * unknown site unless said otherwise. (Creating, renaming and erasing sites: site-lifecycle.store.ts.)
 */
export interface SiteStore {
  /**
   * The site's settings with every default filled in; an unknown site or an unreadable document
   * reads as all defaults. The object may be shared between calls: treat it as read-only.
   */
  settings(siteId: SiteId): Promise<SiteSettings>;
  /**
   * Merges a validated patch (whole top-level keys) into the stored settings and returns the
   * result. Read-modify-write, inside a unit: on PostgreSQL it locks the site row (`FOR UPDATE`)
   * first, or two owners saving different keys at once would lose one of the changes.
   */
  updateSettings(siteId: SiteId, patch: Partial<SiteSettings>): Promise<SiteSettings>;
  /**
   * How the site presents its agents to visitors (read for every message to a visitor: cached by
   * the settings text); `{ showAgents: true, siteName: '' }` for an unknown site.
   */
  agentDisplay(siteId: SiteId): Promise<AgentDisplay>;
  profile(siteId: SiteId): Promise<SiteProfile | null>;
  /** The site with this embed key. */
  byKey(key: string): Promise<SiteProfile | null>;
  /** The identity-verification secret (owners fetch it; widget sessions check hashes with it). */
  identitySecret(siteId: SiteId): Promise<string | null>;
  /** The oldest site's key (the demo shop embeds it), or null on an empty installation. */
  firstSiteKey(): Promise<string | null>;
  /** The site's departments, in name order (the widget's pre-chat form offers them). */
  departments(siteId: SiteId): Promise<Array<{ id: string; name: string }>>;
  /** How many sites exist (0 means a fresh installation). */
  count(): Promise<number>;
  /** Inserts a site with empty settings; a taken key or id throws (unique violation). */
  create(site: NewSiteRow): Promise<void>;
}

declare module '../store/store.ts' {
  interface StoreTx {
    sites: SiteStore;
  }
}
