/**
 * The console's top-level pages, by path: /console/agents, /reports, /search, /triggers, /settings, else
 * the inbox (which keeps /console/conversations/<id> for the open conversation).
 *
 * @example consolePage('/console/reports') // 'reports'
 */
export type ConsolePage = 'inbox' | 'agents' | 'reports' | 'search' | 'triggers' | 'settings' | 'replies';

export function consolePage(pathname: string): ConsolePage {
  if (/^\/console\/reports\/?$/.test(pathname)) return 'reports';
  if (/^\/console\/search\/?$/.test(pathname)) return 'search';
  if (/^\/console\/agents\/?$/.test(pathname)) return 'agents';
  if (/^\/console\/triggers\/?$/.test(pathname)) return 'triggers';
  if (/^\/console\/settings\/?$/.test(pathname)) return 'settings';
  if (/^\/console\/replies\/?$/.test(pathname)) return 'replies';
  return 'inbox';
}

export const pathForPage = (page: Exclude<ConsolePage, 'inbox'>): string => `/console/${page}`;
