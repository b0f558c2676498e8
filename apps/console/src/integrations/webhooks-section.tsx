import { useEffect, useState } from 'preact/hooks';
import { WEBHOOK_EVENT_TYPES, type SiteId, type WebhookEndpoint, type WebhookEventType } from '@hearth/protocol';
import { webhooksApi } from './integrations-api.ts';
import { DeliveryLog } from './delivery-log.tsx';

/**
 * Settings → Webhooks (owners): add an endpoint (URL, events, description) and see its signing
 * secret; pause, resume (a disabled endpoint shows why), delete; open its delivery log.
 */
export function WebhooksSection({ siteId }: { siteId: SiteId }) {
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<Set<WebhookEventType>>(new Set(['conversation.created', 'message.created']));
  const [open, setOpen] = useState<string | null>(null);

  const load = async () => {
    const res = await webhooksApi.list(siteId);
    if (res.ok) setEndpoints(res.data.endpoints);
    else setError(res.message);
  };
  useEffect(() => void load(), [siteId]);

  async function add(e: Event) {
    e.preventDefault();
    if (events.size === 0) return setError('Choose at least one event.');
    const res = await webhooksApi.create(siteId, { url: url.trim(), events: [...events], description });
    if (!res.ok) return setError(res.message);
    setError(null);
    setUrl('');
    setDescription('');
    setOpen(res.data.id);
    await load();
  }

  async function run(request: Promise<{ ok: boolean; message?: string }>) {
    const res = await request;
    setError(res.ok ? null : (res.message ?? 'Failed.'));
    await load();
  }

  const toggle = (type: WebhookEventType, on: boolean) => {
    const next = new Set(events);
    if (on) next.add(type);
    else next.delete(type);
    setEvents(next);
  };

  return (
    <section class="settings-section" id="webhooks" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p class="hint">
        Hearth POSTs each event as JSON to your URL, signed in the <code>Hearth-Signature</code> header with the endpoint’s secret, retrying for up to 24 hours. Events
        of one conversation arrive in order.
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form class="integration-form integration-form--wide" onSubmit={(e) => void add(e)}>
        <label class="field field--grow">
          URL
          <input type="url" required maxLength={2048} placeholder="https://example.com/hearth-events" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label class="field field--grow">
          Description (optional)
          <input maxLength={200} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <fieldset class="inline-choices event-choices">
          <legend>Events</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} class="check">
              <input type="checkbox" checked={events.has(type)} onChange={(e) => toggle(type, e.currentTarget.checked)} />
              <code>{type}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button button--primary">
          Add endpoint
        </button>
      </form>
      {endpoints?.length === 0 && <p class="hint">No endpoints yet.</p>}
      <ul class="endpoint-list">
        {endpoints?.map((ep) => (
          <li key={ep.id} class="endpoint">
            <div class="endpoint-head">
              <div class="endpoint-title">
                <span class="endpoint-url">{ep.url}</span>
                {ep.description && <span class="hint">{ep.description}</span>}
              </div>
              <span class={`endpoint-state ${ep.disabledAt === null ? 'is-on' : 'is-off'}`}>{ep.disabledAt === null ? 'Active' : 'Disabled'}</span>
            </div>
            {ep.disabledReason && (
              <p class="read-only-note" role="note">
                {ep.disabledReason} Resume it once the receiver works again: waiting events are sent then.
              </p>
            )}
            <p class="endpoint-events">
              {ep.events.map((t) => (
                <code key={t}>{t}</code>
              ))}
            </p>
            <div class="secret-row">
              Signing secret <code>{ep.secret}</code>
              {ep.backlog > 0 && <span class="hint">· {ep.backlog} waiting</span>}
            </div>
            <div class="endpoint-actions">
              <button type="button" class="button" aria-expanded={open === ep.id} onClick={() => setOpen(open === ep.id ? null : ep.id)}>
                {open === ep.id ? 'Hide deliveries' : 'Deliveries'}
              </button>
              <button type="button" class="button" onClick={() => void run(webhooksApi.test(siteId, ep.id)).then(() => setOpen(ep.id))}>
                Send a test event
              </button>
              <button type="button" class="button button--ghost" onClick={() => void run(webhooksApi.update(siteId, ep.id, { enabled: ep.disabledAt !== null }))}>
                {ep.disabledAt === null ? 'Pause' : 'Resume'}
              </button>
              <button
                type="button"
                class="button button--ghost"
                onClick={() => confirm(`Delete the endpoint ${ep.url} and its delivery log?`) && void run(webhooksApi.remove(siteId, ep.id))}
              >
                Delete<span class="visually-hidden"> {ep.url}</span>
              </button>
            </div>
            {open === ep.id && <DeliveryLog siteId={siteId} endpointId={ep.id} backlog={ep.backlog} onSettled={() => void load()} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
