/**
 * The console's top-level pages, by path: /console/reports, /console/search, else the inbox
 * (which keeps /console/conversations/<id> for the open conversation).
 *
 * @example consolePage('/console/reports') // 'reports'
 */
export type ConsolePage = 'inbox' | 'reports' | 'search';

export function consolePage(pathname: string): ConsolePage {
  if (/^\/console\/reports\/?$/.test(pathname)) return 'reports';
  if (/^\/console\/search\/?$/.test(pathname)) return 'search';
  return 'inbox';
}

export const pathForPage = (page: Exclude<ConsolePage, 'inbox'>): string => `/console/${page}`;
