import { useEffect, useState } from 'preact/hooks';
import type { ConversationId, TranscriptSearchHit } from '@hearth/protocol';
import { fullTime, relativeTime } from '../time/relative-time.ts';

interface Props {
  siteId: string | null;
  labelId: string | null;
  openId: string | null;
  now: number;
  onSelect: (id: ConversationId) => void;
}

/** The API's page size (TRANSCRIPT_SEARCH_LIMIT): a full page means there may be more. */
const PAGE = 200;

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; hits: TranscriptSearchHit[]; more: boolean };

async function closedPage(siteId: string | null, labelId: string | null, offset: number): Promise<TranscriptSearchHit[] | string> {
  const params = new URLSearchParams({ status: 'closed', sort: 'closed' });
  if (siteId) params.set('siteId', siteId);
  if (labelId) params.set('labelId', labelId);
  if (offset) params.set('offset', String(offset));
  try {
    const res = await fetch(`/api/transcripts/search?${params}`, { credentials: 'same-origin' });
    const body = (await res.json()) as { hits: TranscriptSearchHit[] } | { error: { message: string } };
    return 'error' in body ? body.error.message : body.hits;
  } catch {
    return 'Could not reach the server.';
  }
}

/**
 * The inbox's Closed tab: closed conversations of the agent's sites, most recently closed first,
 * a page at a time (the inbox's live state holds open conversations only). Opening one shows its
 * transcript; the same site and label filters as the other tabs apply.
 */
export function ClosedList({ siteId, labelId, openId, now, onSelect }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    setState({ kind: 'loading' });
    void closedPage(siteId, labelId, 0).then((hits) =>
      setState(typeof hits === 'string' ? { kind: 'error', message: hits } : { kind: 'ready', hits, more: hits.length === PAGE }),
    );
  }, [siteId, labelId]);

  async function more() {
    if (state.kind !== 'ready') return;
    const next = await closedPage(siteId, labelId, state.hits.length);
    setState(typeof next === 'string' ? { kind: 'error', message: next } : { kind: 'ready', hits: [...state.hits, ...next], more: next.length === PAGE });
  }

  if (state.kind === 'loading') return <p class="empty">Loading closed conversations…</p>;
  if (state.kind === 'error')
    return (
      <p class="empty" role="alert">
        {state.message}
      </p>
    );
  if (state.hits.length === 0) return <p class="empty">No closed conversations.</p>;
  return (
    <>
      <ul class="rows">
        {state.hits.map((h) => {
          const at = h.closedAt ?? h.createdAt;
          const name = h.visitorName ?? 'Visitor';
          return (
            <li key={h.conversationId}>
              <button
                type="button"
                class={`row${h.conversationId === openId ? ' row--selected' : ''}`}
                aria-current={h.conversationId === openId ? 'page' : undefined}
                onClick={() => onSelect(h.conversationId)}
              >
                <span class="row-top">
                  <span class="row-name" dir="auto" title={name}>
                    {name}
                  </span>
                  <time class="row-time" dateTime={new Date(at).toISOString()} title={`Closed ${fullTime(at)}`}>
                    {relativeTime(at, now)}
                  </time>
                </span>
                <span class="row-bottom">
                  <span class="row-preview" dir="auto" title={h.snippet}>
                    {h.snippet}
                  </span>
                </span>
                {(h.agentName || h.rating) && (
                  <span class="row-meta">
                    {h.rating && <span class="chip">Rated {h.rating}/5</span>}
                    {h.agentName && (
                      <span class="row-assignee">
                        Closed by <bdi>{h.agentName}</bdi>
                      </span>
                    )}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {state.more && (
        <button type="button" class="button button--ghost button--block" onClick={() => void more()}>
          Show more
        </button>
      )}
    </>
  );
}
