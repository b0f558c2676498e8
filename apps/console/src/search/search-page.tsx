import { useEffect, useState } from 'preact/hooks';
import type { AgentSession, ConversationId, Label, TranscriptSearchHit } from '@hearth/protocol';
import { SitePicker } from '../session/site-picker.tsx';
import { EMPTY_FILTERS, apiQuery, filtersFromUrl, filtersToUrl, hasFilters, highlightParts, type SearchFilters } from './search-query.ts';

interface Props {
  session: AgentSession;
  /** The agent's sites' labels, for the label filter. */
  labels: Label[];
  onOpen(id: ConversationId): void;
}

type Results =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; hits: TranscriptSearchHit[]; query: string; more: boolean; loadingMore: boolean };

/** The API's page size (TRANSCRIPT_SEARCH_LIMIT): a full page means there may be more. */
const PAGE = 200;

async function fetchHits(query: string): Promise<TranscriptSearchHit[] | string> {
  try {
    const res = await fetch(`/api/transcripts/search?${query}`, { credentials: 'same-origin' });
    const body = (await res.json()) as { hits: TranscriptSearchHit[] } | { error: { message: string } };
    return 'error' in body ? body.error.message : body.hits;
  } catch {
    return 'Could not reach the server.';
  }
}

/** The snippet with its match marked (the server gives the match as offsets: no raw markers). */
function Snippet({ hit }: { hit: TranscriptSearchHit }) {
  const [before, match, after] = highlightParts(hit.snippet, hit.highlight);
  return (
    <p class="snippet" dir="auto">
      {before}
      {match && <mark>{match}</mark>}
      {after}
    </p>
  );
}

/**
 * Find every conversation: search over messages (any script: substrings of text without spaces,
 * folded case, accents, ß and ligatures), visitor names and emails, with filters that combine and
 * live in the address bar (bookmark or share a view), pages of results, and CSV/JSON export.
 */
export function SearchPage({ session, labels, onOpen }: Props) {
  const [filters, setFilters] = useState<SearchFilters>(() => filtersFromUrl(location.search));
  const [results, setResults] = useState<Results>({ kind: 'idle' });
  const set = (key: keyof SearchFilters) => (e: Event) => setFilters({ ...filters, [key]: (e.currentTarget as HTMLInputElement).value });

  async function run(next: SearchFilters) {
    const url = filtersToUrl(next);
    history.replaceState(history.state, '', `/console/search${url ? `?${url}` : ''}`);
    const query = apiQuery(next);
    setResults({ kind: 'loading' });
    const hits = await fetchHits(query);
    setResults(typeof hits === 'string' ? { kind: 'error', message: hits } : { kind: 'ready', hits, query, more: hits.length === PAGE, loadingMore: false });
  }

  async function more() {
    if (results.kind !== 'ready') return;
    setResults({ ...results, loadingMore: true });
    const next = await fetchHits(apiQuery(filters, results.hits.length));
    if (typeof next === 'string') return setResults({ kind: 'error', message: next });
    setResults({ ...results, hits: [...results.hits, ...next], more: next.length === PAGE, loadingMore: false });
  }

  // An address with filters (a bookmark, a shared link, the inbox's search box) runs at once.
  useEffect(() => {
    if (hasFilters(filters)) void run(filters);
  }, []);

  const siteLabels = labels.filter((l) => !filters.siteId || l.siteId === filters.siteId);
  return (
    <main class="page" aria-label="Search">
      <div class="page-head">
        <h1>Search transcripts</h1>
      </div>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void run(filters);
        }}
      >
        <label class="grow">
          Words, name or email <input type="search" dir="auto" value={filters.q} maxLength={200} onInput={set('q')} />
        </label>
        <label>
          From <input type="date" value={filters.from} onInput={set('from')} />
        </label>
        <label>
          To <input type="date" value={filters.to} onInput={set('to')} />
        </label>
        <label>
          Status{' '}
          <select value={filters.status} onChange={set('status')}>
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </label>
        <label>
          Rating{' '}
          <select value={filters.rating} onChange={set('rating')}>
            <option value="">Any</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {siteLabels.length > 0 && (
          <label>
            Label{' '}
            <select value={filters.labelId} onChange={set('labelId')}>
              <option value="">Any</option>
              {siteLabels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Trigger <input value={filters.trigger} maxLength={64} onInput={set('trigger')} />
        </label>
        {session.sites.length > 1 && (
          <SitePicker
            sites={session.sites}
            value={filters.siteId}
            onChange={(siteId) => setFilters({ ...filters, siteId, labelId: '' })}
            allLabel="All my sites"
          />
        )}
        <label class="check">
          <input
            type="checkbox"
            checked={filters.agentId === session.agent.id}
            onChange={(e) => setFilters({ ...filters, agentId: e.currentTarget.checked ? session.agent.id : '' })}
          />{' '}
          Assigned to me
        </label>
        <label>
          Order{' '}
          <select value={filters.sort} onChange={set('sort')}>
            <option value="">Newest first</option>
            <option value="closed">Recently closed first</option>
          </select>
        </label>
        <button type="submit" class="button button--primary">
          Search
        </button>
        {hasFilters(filters) && (
          <button
            type="button"
            class="button button--ghost"
            onClick={() => {
              setFilters(EMPTY_FILTERS);
              setResults({ kind: 'idle' });
              history.replaceState(history.state, '', '/console/search');
            }}
          >
            Clear
          </button>
        )}
      </form>
      {results.kind === 'loading' && <p role="status">Searching…</p>}
      {results.kind === 'error' && <p role="alert">{results.message}</p>}
      {results.kind === 'ready' && (
        <section class="card" aria-label="Results">
          <p class="results-head">
            <span role="status">{results.hits.length === 1 ? '1 conversation' : `${results.hits.length}${results.more ? '+' : ''} conversations`}</span>
            <a href={`/api/transcripts/search?${results.query}&format=csv`} download="hearth-transcripts.csv">
              Export CSV
            </a>
            <a href={`/api/transcripts/search?${results.query}&format=json`} download="hearth-transcripts.json">
              Export JSON
            </a>
          </p>
          <ul class="hits">
            {results.hits.map((h) => (
              <li key={h.conversationId}>
                <button type="button" class="link-button" onClick={() => onOpen(h.conversationId)}>
                  <bdi>{h.visitorName ?? 'Visitor'}</bdi> · {new Date(h.createdAt).toLocaleString()}
                </button>
                <span class="muted">
                  {' '}
                  {h.status}
                  {h.closedAt !== null && h.status === 'closed' ? ` ${new Date(h.closedAt).toLocaleString()}` : ''}
                  {h.agentName && (
                    <>
                      {' '}
                      · <bdi>{h.agentName}</bdi>
                    </>
                  )}
                  {h.rating ? ` · rated ${h.rating}/5` : ''}
                  {h.trigger && (
                    <>
                      {' '}
                      · <bdi>{h.trigger}</bdi>
                    </>
                  )}
                </span>
                <Snippet hit={h} />
              </li>
            ))}
          </ul>
          {results.more && (
            <button type="button" class="button button--ghost" disabled={results.loadingMore} onClick={() => void more()}>
              {results.loadingMore ? 'Loading…' : 'Show more'}
            </button>
          )}
        </section>
      )}
    </main>
  );
}
