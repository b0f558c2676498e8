import type { ConversationDetail, ConversationId, PageView } from '@hearth/protocol';
import { useNow } from '../store/use-console-state.ts';
import { fullTime, relativeTime } from '../time/relative-time.ts';
import { shortId } from '../inbox/inbox-state.ts';
import { describeUserAgent } from './user-agent.ts';
import { TriggerOrigin } from './trigger-origin.tsx';
import { VisitorActivity } from './visitor-activity.tsx';
import { visitorLocalTime } from './visitor-facts.ts';

/** Only http(s) URLs become links; anything else (a javascript: URL a visitor forged) stays text. */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function PageLink({ url, title }: { url: string; title: string }) {
  const label = title.trim() || url;
  if (!isWebUrl(url)) return <span class="page-title" dir="auto">{label}</span>;
  return (
    <a class="page-title" dir="auto" href={url} target="_blank" rel="noopener noreferrer" title={url}>
      {label}
    </a>
  );
}

export function VisitorPanel({ detail, onOpen }: { detail: ConversationDetail | null; onOpen: (id: ConversationId) => void }) {
  const now = useNow();
  if (!detail) {
    return (
      <div class="visitor-panel">
        <h2 class="column-title">Visitor</h2>
        <p class="empty">Details about the visitor appear here.</p>
      </div>
    );
  }
  const { visitor, conversation, pages } = detail;
  const current = conversation.currentPage ?? pages[0] ?? null;
  const details = detail.visitorDetails;
  const referrer = pages.find((p) => p.referrer)?.referrer ?? null;
  const localTime = visitorLocalTime(details.timeZone, now);
  const verification = details.verified ? (
    <span class="chip chip--verified" title="Confirmed by the site's signed identify">Verified</span>
  ) : (
    <span class="chip chip--unverified" title="Set by the page without a signature: could be anyone">Unverified</span>
  );
  return (
    <div class="visitor-panel">
      <h2 class="column-title">Visitor</h2>
      <dl class="facts">
        <dt>Name</dt>
        <dd>
          <bdi>{visitor.name ?? conversation.visitorName ?? `Visitor ${shortId(visitor.id)}`}</bdi> {(visitor.name || visitor.email) && verification}
        </dd>
        <dt>Email</dt>
        <dd>
          {visitor.email ? (
            <a href={`mailto:${visitor.email}`}>{visitor.email}</a>
          ) : (
            <span class="muted">Not given</span>
          )}
        </dd>
        <dt>Browser</dt>
        <dd title={visitor.userAgent ?? undefined}>{describeUserAgent(visitor.userAgent)}</dd>
        <dt>Local time</dt>
        <dd>{localTime ?? <span class="muted">Unknown</span>}</dd>
        {details.language && (
          <>
            <dt>Language</dt>
            <dd>{details.language}</dd>
          </>
        )}
        <dt>Last seen</dt>
        <dd>
          <time dateTime={new Date(visitor.lastSeenAt).toISOString()} title={fullTime(visitor.lastSeenAt)}>
            {relativeTime(visitor.lastSeenAt, now) === 'now' ? 'Just now' : `${relativeTime(visitor.lastSeenAt, now)} ago`}
          </time>
        </dd>
      </dl>
      {detail.startedBy && <TriggerOrigin context={detail.startedBy} />}
      <h3 class="section-title">Current page</h3>
      {current ? (
        <div class="current-page">
          <PageLink url={current.url} title={current.title} />
          <span class="page-url">{current.url}</span>
          {referrer && <span class="page-url">Came from {referrer}</span>}
        </div>
      ) : (
        <p class="empty">Unknown</p>
      )}
      <VisitorActivity details={details} now={now} onOpen={onOpen} />
      <h3 class="section-title">Pages visited this session</h3>
      {pages.length === 0 ? (
        <p class="empty">No pages recorded yet.</p>
      ) : (
        <ol class="pages">
          {pages.map((p: PageView) => (
            <li key={`${p.viewedAt}-${p.url}`}>
              <PageLink url={p.url} title={p.title} />
              <time dateTime={new Date(p.viewedAt).toISOString()} title={fullTime(p.viewedAt)}>
                {relativeTime(p.viewedAt, now)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
