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
 * Sites and their settings document (one JSON text per site, parsed by SiteSettingsSchema with
 * every default filled in). Reads return null for an unknown site unless said otherwise.
 */
export interface SiteStore {
  /** The site's settings; an unknown site or an unreadable document reads as all defaults. */
  settings(siteId: SiteId): Promise<SiteSettings>;
  /**
   * Merges a validated patch (top-level keys replace) into the stored settings and returns the
   * result. Read-then-write: call it inside a unit; on PostgreSQL it reads the site row
   * `FOR UPDATE`, so two concurrent patches of different keys both survive.
   */
  updateSettings(siteId: SiteId, patch: Partial<SiteSettings>): Promise<SiteSettings>;
  /**
   * How the site presents its agents to visitors; `{ showAgents: true, siteName: '' }` for an
   * unknown site. On the chat path (every ack): adapters may cache the parse by settings text.
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
