import type { ConversationId, VisitorDetails, VisitorEvent } from '@hearth/protocol';
import { fullTime, relativeTime } from '../time/relative-time.ts';
import { attributeRows, latestCart } from './visitor-facts.ts';

function Props({ event }: { event: VisitorEvent }) {
  const rows = attributeRows(event.props);
  if (rows.length === 0) return null;
  return (
    <dl class="facts facts--small">
      {rows.map(([k, v]) => [<dt key={`k-${k}`}>{k}</dt>, <dd key={`v-${k}`} dir="auto">{v}</dd>])}
    </dl>
  );
}

/** Attributes, cart, tracked events and the visitor's other conversations. */
export function VisitorActivity({ details, now, onOpen }: { details: VisitorDetails; now: number; onOpen: (id: ConversationId) => void }) {
  const attributes = attributeRows(details.attributes);
  const cart = latestCart(details.events);
  return (
    <>
      <h3 class="section-title">Attributes</h3>
      {attributes.length === 0 ? (
        <p class="empty">None set by the site.</p>
      ) : (
        <dl class="facts">{attributes.map(([k, v]) => [<dt key={`k-${k}`}>{k}</dt>, <dd key={`v-${k}`} dir="auto">{v}</dd>])}</dl>
      )}
      {cart && (
        <>
          <h3 class="section-title">Cart</h3>
          <div class="cart">
            <p>
              {cart.name} · <time title={fullTime(cart.at)}>{relativeTime(cart.at, now)}</time>
            </p>
            <Props event={cart} />
          </div>
        </>
      )}
      <h3 class="section-title">Events</h3>
      {details.events.length === 0 ? (
        <p class="empty">No tracked events.</p>
      ) : (
        <ol class="events" aria-label="Tracked events">
          {details.events.slice(0, 20).map((e) => (
            <li key={e.id}>
              <span class="event-name" dir="auto">{e.name}</span>{' '}
              <time dateTime={new Date(e.at).toISOString()} title={fullTime(e.at)}>
                {relativeTime(e.at, now)}
              </time>
              <Props event={e} />
            </li>
          ))}
        </ol>
      )}
      <h3 class="section-title">Past conversations</h3>
      {details.pastConversations.length === 0 ? (
        <p class="empty">This is their first conversation.</p>
      ) : (
        <ul class="past-conversations">
          {details.pastConversations.map((c) => (
            <li key={c.id}>
              <a
                href={`/console/conversations/${encodeURIComponent(c.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(c.id);
                }}
              >
                <bdi>{c.lastMessage?.slice(0, 60) || 'No messages'}</bdi>
              </a>{' '}
              <span class="muted">
                {c.status === 'open' ? 'open' : 'closed'} · <time title={fullTime(c.createdAt)}>{relativeTime(c.createdAt, now)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
