import { useState } from 'preact/hooks';
import type { AgentSession, ConversationId, TranscriptSearchHit } from '@hearth/protocol';
import { dayStart, queryString } from '../reports/report-format.ts';
import { SitePicker } from '../session/site-picker.tsx';

interface Props {
  session: AgentSession;
  onOpen(id: ConversationId): void;
}

type Results = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; hits: TranscriptSearchHit[]; query: string };

const DAY = 86_400_000;

/** Full-text search over the transcripts of the agent's sites, with filters and CSV/JSON export. */
export function SearchPage({ session, onOpen }: Props) {
  const [q, setQ] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState('');
  const [rating, setRating] = useState('');
  const [trigger, setTrigger] = useState('');
  const [siteId, setSiteId] = useState('');
  const [mine, setMine] = useState(false);
  const [results, setResults] = useState<Results>({ kind: 'idle' });

  async function search(e: Event) {
    e.preventDefault();
    const toMs = dayStart(to);
    const query = queryString({
      q: q.trim(),
      from: dayStart(from),
      to: toMs === null ? null : toMs + DAY,
      status,
      rating,
      trigger: trigger.trim(),
      siteId,
      agentId: mine ? session.agent.id : null,
    });
    setResults({ kind: 'loading' });
    try {
      const res = await fetch(`/api/transcripts/search?${query}`, { credentials: 'same-origin' });
      const body = (await res.json()) as { hits: TranscriptSearchHit[] } | { error: { message: string } };
      setResults('error' in body ? { kind: 'error', message: body.error.message } : { kind: 'ready', hits: body.hits, query });
    } catch {
      setResults({ kind: 'error', message: 'Could not reach the server.' });
    }
  }

  return (
    <div class="page">
      <header class="page-head">
        <h1>Search transcripts</h1>
      </header>
      <form class="filters" role="search" onSubmit={(e) => void search(e)}>
        <label class="grow">
          Words or phrase <input type="search" dir="auto" value={q} maxLength={200} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <label>
          From <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          To <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </label>
        <label>
          Rating{' '}
          <select value={rating} onChange={(e) => setRating(e.currentTarget.value)}>
            <option value="">Any</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          Trigger <input value={trigger} maxLength={64} onInput={(e) => setTrigger(e.currentTarget.value)} />
        </label>
        {session.sites.length > 1 && (
          <SitePicker sites={session.sites} value={siteId} onChange={setSiteId} allLabel="All my sites" />
        )}
        <label class="check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} /> Assigned to me
        </label>
        <button type="submit" class="button button--primary">
          Search
        </button>
      </form>
      {results.kind === 'loading' && <p role="status">Searching…</p>}
      {results.kind === 'error' && <p role="alert">{results.message}</p>}
      {results.kind === 'ready' && (
        <section class="card" aria-label="Results">
          <p class="results-head">
            <span role="status">{results.hits.length === 1 ? '1 conversation' : `${results.hits.length} conversations`}</span>
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
                  {h.agentName && <> · <bdi>{h.agentName}</bdi></>}
                  {h.rating ? ` · rated ${h.rating}/5` : ''}
                  {h.trigger && <> · <bdi>{h.trigger}</bdi></>}
                </span>
                <p class="snippet" dir="auto">{h.snippet}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
