import { BadArgument } from './api-arguments.ts';

/**
 * `window.Hearth(...)`: the public JS API. The snippet may define a queueing stub before the loader
 * arrives (`window.Hearth = window.Hearth || function(){(Hearth.q=Hearth.q||[]).push(arguments)}`);
 * installing replays that queue, then calls run directly. New commands are new keys in the table.
 */
export interface HearthApi {
  (command: string, ...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
  /** Set once a loader has installed itself: a second copy of the snippet then stands down. */
  loaded?: boolean;
}

declare global {
  interface Window {
    Hearth?: HearthApi;
  }
}

export type CommandTable = Record<string, (...args: unknown[]) => void>;

export function createDispatcher(commands: CommandTable): (args: ArrayLike<unknown>) => void {
  return (args) => {
    const [name, ...rest] = Array.from(args);
    // hasOwn: 'constructor' or '__proto__' must not reach Object.prototype.
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(commands, name)) {
      console.warn('[hearth] unknown command:', name, '(see the README, "Widget JS API")');
      return;
    }
    try {
      commands[name]!(...rest);
    } catch (error) {
      // A bad argument is the host page's mistake, named for its developer; anything else is ours.
      if (error instanceof BadArgument) console.warn('[hearth] ' + error.message);
      else console.error('[hearth]', error);
    }
  };
}

/** Replaces the stub on `target` (window in the browser) and replays what was queued before load. */
export function installApi(target: { Hearth?: HearthApi }, commands: CommandTable): void {
  const queued = Array.from(target.Hearth?.q ?? []);
  const dispatch = createDispatcher(commands);
  const api: HearthApi = (...args: unknown[]) => dispatch(args);
  api.loaded = true;
  target.Hearth = api;
  for (const args of queued) dispatch(args);
}
