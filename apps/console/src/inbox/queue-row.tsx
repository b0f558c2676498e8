import type { ConversationId, ConversationSummary } from '@hearth/protocol';
import { fullTime, relativeTime } from '../time/relative-time.ts';
import { previewOf, visitorLabel } from './inbox-state.ts';
import { waitingSince } from './queue-order.ts';
import { LabelChip } from '../conversation/label-menu.tsx';

interface Props {
  conversation: ConversationSummary;
  siteName: string | null;
  departmentName: string | null;
  selected: boolean;
  now: number;
  canClaim: boolean;
  onSelect: (id: ConversationId) => void;
  onClaim: (id: ConversationId) => void;
}

/** One waiting visitor: since when, from which page, for which topic; open it or claim it. */
export function QueueRow({ conversation: c, siteName, departmentName, selected, now, canClaim, onSelect, onClaim }: Props) {
  const since = waitingSince(c);
  const name = visitorLabel(c);
  return (
    <div class={`queue-row${selected ? ' row--selected' : ''}`}>
      <button type="button" class="row" aria-current={selected ? 'page' : undefined} onClick={() => onSelect(c.id)}>
        <span class="row-top">
          <span class="row-name" dir="auto" title={name}>
            {name}
          </span>
          <time class="row-time" dateTime={new Date(since).toISOString()} title={`Waiting since ${fullTime(since)}`}>
            {relativeTime(since, now) === 'now' ? 'waiting just now' : `waiting ${relativeTime(since, now)}`}
          </time>
        </span>
        <span class="row-bottom">
          <span class="row-preview" dir="auto" title={previewOf(c)}>
            {previewOf(c)}
          </span>
        </span>
        {(c.currentPage || siteName || departmentName || !!c.labels?.length) && (
          <span class="row-meta">
            {c.labels?.map((l) => <LabelChip key={l.id} label={l} />)}
            {siteName && <span class="chip">{siteName}</span>}
            {departmentName && <span class="chip chip--topic" dir="auto">{departmentName}</span>}
            {c.currentPage && (
              <span class="row-page" dir="auto" title={c.currentPage.title || c.currentPage.url}>
                {c.currentPage.title || c.currentPage.url}
              </span>
            )}
          </span>
        )}
      </button>
      <button
        type="button"
        class="button queue-claim"
        disabled={!canClaim}
        aria-label={`Claim conversation with ${name}`}
        onClick={() => onClaim(c.id)}
      >
        Claim
      </button>
    </div>
  );
}
