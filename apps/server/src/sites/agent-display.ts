import { eq, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import type { Message, SiteId } from '@hearth/protocol';
import { parseSiteSettings } from './site-settings.ts';

/** How a site presents its agents to visitors (Settings → Appearance → show agents). */
export interface AgentDisplay {
  showAgents: boolean;
  siteName: string;
}

// The visitor's view is built for every message's ack: read the settings text with a prepared
// statement and parse it only when it changed, instead of parsing the whole document per message.
const statements = preparedStatements((db: HearthDb) => ({
  site: db
    .select({ name: schema.sites.name, settings: schema.sites.settings })
    .from(schema.sites)
    .where(eq(schema.sites.id, sql.placeholder('id')))
    .prepare(),
}));
const parsedBySite = new WeakMap<HearthDb, Map<SiteId, { text: string; display: AgentDisplay }>>();

/** @deprecated Synchronous SQLite read for code not yet behind the storage seam (conversations/); use `store.read.sites.agentDisplay`. */
export function agentDisplay(db: HearthDb, siteId: SiteId): AgentDisplay {
  const row = statements(db).site.get({ id: siteId });
  if (!row) return { showAgents: true, siteName: '' };
  let cache = parsedBySite.get(db);
  if (!cache) parsedBySite.set(db, (cache = new Map()));
  const hit = cache.get(siteId);
  if (hit && hit.text === row.settings && hit.display.siteName === row.name) return hit.display;
  const display = { showAgents: parseSiteSettings(row.settings).appearance.showAgents, siteName: row.name };
  cache.set(siteId, { text: row.settings, display });
  return display;
}

/**
 * What the visitor sees of the assigned agent: their name and avatar, or (when the site hides its
 * agents) the site's name and no avatar. "Nobody assigned" stays null either way: the widget reads
 * it as "waiting".
 */
export function presentAgent(display: AgentDisplay, name: string | null, avatarUrl: string | null): { assignedAgentName: string | null; assignedAgentAvatarUrl: string | null } {
  if (name === null) return { assignedAgentName: null, assignedAgentAvatarUrl: null };
  return display.showAgents ? { assignedAgentName: name, assignedAgentAvatarUrl: avatarUrl } : { assignedAgentName: display.siteName, assignedAgentAvatarUrl: null };
}

/** An agent's message as the visitor gets it: signed with the site's name when agents are hidden. */
export function messageForVisitor(display: AgentDisplay, message: Message): Message {
  return message.authorType === 'agent' && !display.showAgents ? { ...message, authorName: display.siteName } : message;
}
