import { dayStart } from '../reports/report-format.ts';

/**
 * The search page's filters as they live in the address bar (/console/search?q=…&status=closed…),
 * so a view can be bookmarked and shared; and what of them goes to the API. Dates are the day
 * pickers' `YYYY-MM-DD`; the API takes epoch ms with `to` exclusive (the end of the picked day).
 *
 * @example filtersFromUrl('?q=refund&status=closed') // { …EMPTY_FILTERS, q: 'refund', status: 'closed' }
 */
export interface SearchFilters {
  q: string;
  from: string;
  to: string;
  status: string;
  rating: string;
  trigger: string;
  siteId: string;
  labelId: string;
  agentId: string;
  sort: string;
}

export const EMPTY_FILTERS: SearchFilters = { q: '', from: '', to: '', status: '', rating: '', trigger: '', siteId: '', labelId: '', agentId: '', sort: '' };
const KEYS = Object.keys(EMPTY_FILTERS) as (keyof SearchFilters)[];
const DAY = 86_400_000;

export function filtersFromUrl(search: string): SearchFilters {
  const params = new URLSearchParams(search);
  const filters = { ...EMPTY_FILTERS };
  for (const key of KEYS) filters[key] = params.get(key)?.slice(0, 200) ?? '';
  return filters;
}

/** The filters that are set, as a query string for the address bar (empty ones left out). */
export function filtersToUrl(filters: SearchFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
  return params.toString();
}

/** Whether any filter is set (an address with none shows the empty form, not every conversation). */
export const hasFilters = (filters: SearchFilters): boolean => KEYS.some((key) => filters[key].trim() !== '');

/** The API's query string for a page of results. */
export function apiQuery(filters: SearchFilters, offset = 0): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | null) => {
    if (value !== null && String(value).trim() !== '') params.set(key, String(value).trim());
  };
  set('q', filters.q);
  set('from', dayStart(filters.from));
  const to = dayStart(filters.to);
  set('to', to === null ? null : to + DAY);
  for (const key of ['status', 'rating', 'trigger', 'siteId', 'labelId', 'agentId', 'sort'] as const) set(key, filters[key]);
  if (offset > 0) set('offset', offset);
  return params.toString();
}

/** A snippet cut in three at its highlight, for a <mark> around the match. */
export function highlightParts(snippet: string, highlight: [number, number] | null): [string, string, string] {
  if (!highlight) return [snippet, '', ''];
  const [start, end] = highlight;
  return [snippet.slice(0, start), snippet.slice(start, end), snippet.slice(end)];
}
