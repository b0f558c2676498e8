import type { VisitorAttributes, WidgetTriggerConfig } from '@hearth/protocol';
import { chunkUrl } from './chunks.ts';
import type { LoaderConfig } from './script-config.ts';
import type { Proactive, ProactiveHooks } from './triggers/proactive.ts';

/** What the loader calls on the proactive triggers, whether or not their chunk has arrived yet. */
export interface TriggersLink {
  track(name: string, props?: VisitorAttributes): void;
  navigated(): void;
  opened(): void;
  /** The site's trigger config (null: no enabled trigger, so the chunk is never fetched). */
  start(site: WidgetTriggerConfig | null): void;
}

const MAX_BUFFERED = 50;

/**
 * The proactive triggers (detectors, evaluator, prompt) live in a second chunk, an ES module fetched
 * with `import()` only for sites with enabled triggers, once the page is idle: most pages of most
 * sites never pay for them. `track` calls made before it arrives are kept and fed to it in order.
 */
export function linkTriggers(config: LoaderConfig, hooks: ProactiveHooks): TriggersLink {
  let proactive: Proactive | null = null;
  let buffered: Array<[string, VisitorAttributes | undefined]> | null = [];
  return {
    track(name, props) {
      if (proactive) proactive.track(name, props);
      else if (buffered && buffered.length < MAX_BUFFERED) buffered.push([name, props]);
    },
    navigated: () => proactive?.navigated(),
    opened: () => proactive?.opened(),
    start(site) {
      if (!site?.triggers.length) return void (buffered = null);
      const load = (): void => {
        (import(/* @vite-ignore */ chunkUrl(config, 'triggers')) as Promise<typeof import('./triggers/index.ts')>)
          .then((chunk) => {
            proactive = chunk.startProactive(config, site, hooks);
            for (const [name, props] of buffered ?? []) proactive.track(name, props);
          })
          .catch((error: unknown) => console.warn('[hearth] did not load:', error)) // the error names the chunk
          .finally(() => (buffered = null));
      };
      // Idle, but not forever on a busy page; Safari has no requestIdleCallback.
      if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 3000 });
      else setTimeout(load, 300);
    },
  };
}
