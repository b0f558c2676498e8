import type { TriggerStart, VisitorTimelineEntry } from '@hearth/protocol';
import { fullTime } from '../time/relative-time.ts';

const KIND_LABEL: Record<VisitorTimelineEntry['kind'], string> = {
  page: 'Page',
  cart: 'Cart',
  rage: 'Rage click',
  event: 'Event',
  purchase: 'Purchase',
  exit: 'Exit intent',
};

/** "Started from trigger: <name>": why the visitor was offered help, and what they did before (browser clock). */
export function TriggerOrigin({ context }: { context: TriggerStart }) {
  return (
    <section class="trigger-origin" aria-label="Trigger">
      <h3 class="section-title">Started from trigger: <bdi>{context.triggerName}</bdi></h3>
      <p class="prompt-text">Prompt: “<bdi>{context.prompt}</bdi>”</p>
      <ul class="evidence">
        {context.evidence.map((e) => (
          <li key={e} dir="auto">{e}</li>
        ))}
      </ul>
      {context.timeline.length > 0 && (
        <ol class="timeline" aria-label="Visitor's events">
          {context.timeline.map((entry, i) => (
            <li key={`${entry.at}-${i}`}>
              <span class={`timeline-kind timeline-kind--${entry.kind}`}>{KIND_LABEL[entry.kind]}</span> <bdi>{entry.label}</bdi>
              <time dateTime={new Date(entry.at).toISOString()} title={fullTime(entry.at)}>
                {new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
