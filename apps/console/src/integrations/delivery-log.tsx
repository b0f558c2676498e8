import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteId, WebhookAttempt, WebhookDelivery } from '@hearth/protocol';
import { TableRegion } from '../shell/table-region.tsx';
import { dateTimeText, webhooksApi } from './integrations-api.ts';

/** How often an open log refreshes while events are in line. */
const REFRESH_MS = 3000;

const STATUS_TEXT: Record<WebhookDelivery['status'], string> = { pending: 'Waiting', sending: 'Sending', delivered: 'Delivered', failed: 'Failed' };

/**
 * One endpoint's delivery log: each event with its status, last answer, time and attempts (the
 * attempts themselves on demand), with Redeliver for delivered or failed events.
 */
export function DeliveryLog({ siteId, endpointId, backlog, onSettled }: { siteId: SiteId; endpointId: string; backlog: number; onSettled?: () => void }) {
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [attempts, setAttempts] = useState<{ eventId: string; list: WebhookAttempt[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const backlogRef = useRef(backlog);
  backlogRef.current = backlog;

  const load = async () => {
    const res = await webhooksApi.deliveries(siteId, endpointId);
    if (res.ok) setDeliveries(res.data.deliveries);
    else setError(res.message);
    return res.ok && res.data.deliveries.some((d) => d.status === 'pending' || d.status === 'sending');
  };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const tick = async () => {
      const busy = await load();
      // Nothing in line any more: the endpoint's "waiting" count above is stale.
      if (!busy && backlogRef.current > 0) onSettled?.();
      if (live) timer = setTimeout(() => void tick(), busy ? REFRESH_MS / 3 : REFRESH_MS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [siteId, endpointId]);

  async function showAttempts(eventId: string) {
    if (attempts?.eventId === eventId) return setAttempts(null);
    const res = await webhooksApi.attempts(siteId, endpointId, eventId);
    if (res.ok) setAttempts({ eventId, list: res.data.attempts });
    else setError(res.message);
  }

  async function redeliver(eventId: string) {
    const res = await webhooksApi.redeliver(siteId, endpointId, eventId);
    setError(res.ok ? null : res.message);
    await load();
  }

  if (deliveries === null) return <p role="status">Loading deliveries…</p>;
  return (
    <div class="delivery-log">
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {deliveries.length === 0 ? (
        <p class="hint">No events yet. Send a test event to try the endpoint.</p>
      ) : (
        <TableRegion label="Deliveries">
          <table class="table integration-table">
            <caption class="visually-hidden">Deliveries</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Answer</th>
                <th scope="col">Time</th>
                <th scope="col">Attempts</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <Fragment key={d.eventId}>
                  <tr>
                    <th scope="row">
                      <code>{d.type}</code>
                      <span class="event-id">{d.eventId}</span>
                    </th>
                    <td>
                      <span class={`delivery-status delivery-status--${d.status}`}>{STATUS_TEXT[d.status]}</span>
                      {d.status === 'pending' && d.attempts > 0 && d.nextAttemptAt !== null && <span class="hint"> next {dateTimeText(d.nextAttemptAt)}</span>}
                    </td>
                    <td title={d.lastError ?? undefined}>{d.lastStatus ?? (d.lastError ? 'No answer' : '—')}</td>
                    <td>{dateTimeText(d.deliveredAt ?? d.createdAt)}</td>
                    <td>
                      <button type="button" class="button button--ghost" aria-expanded={attempts?.eventId === d.eventId} onClick={() => void showAttempts(d.eventId)}>
                        {d.attempts}
                        <span class="visually-hidden"> attempts of {d.eventId}</span>
                      </button>
                    </td>
                    <td>
                      {(d.status === 'delivered' || d.status === 'failed') && (
                        <button type="button" class="button button--ghost" onClick={() => void redeliver(d.eventId)}>
                          Redeliver<span class="visually-hidden"> {d.eventId}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                  {attempts?.eventId === d.eventId && (
                    <tr class="attempts-row">
                      <td colSpan={6}>
                        <ol class="attempt-list">
                          {attempts.list.map((a) => (
                            <li key={a.attempt}>
                              #{a.attempt} · {dateTimeText(a.at)} · {a.statusCode ?? 'no answer'} · {a.durationMs} ms{a.error ? ` · ${a.error}` : ''}
                            </li>
                          ))}
                        </ol>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
