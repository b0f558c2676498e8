/**
 * `Hearth('on', event, fn)` / `Hearth('off', event, fn)`: the host page's listeners. Each is called
 * in its own try/catch, so a failing host listener is logged and never breaks the widget or the
 * other listeners.
 */
export const HOST_EVENTS = [
  'ready',
  'open',
  'close',
  'message:received',
  'message:sent',
  'conversation:started',
  'conversation:closed',
  'unread:changed',
] as const;
export type HostEventName = (typeof HOST_EVENTS)[number];
export type HostListener = (data?: unknown) => void;

export interface HostEvents {
  /** A listener for 'ready' added after the widget is ready is called at once. */
  on(event: HostEventName, fn: HostListener): void;
  off(event: HostEventName, fn: HostListener): void;
  emit(event: HostEventName, data?: unknown): void;
}

export function createHostEvents(): HostEvents {
  const listeners: Partial<Record<HostEventName, Set<HostListener>>> = {};
  let ready = false;
  const call = (fn: HostListener, data: unknown): void => {
    try {
      fn(data);
    } catch (error) {
      console.error('[hearth] a Hearth("on") listener threw:', error);
    }
  };
  return {
    on(event, fn) {
      (listeners[event] ??= new Set()).add(fn);
      if (event === 'ready' && ready) call(fn, undefined);
    },
    off: (event, fn) => void listeners[event]?.delete(fn),
    emit(event, data) {
      if (event === 'ready') ready = true;
      // A copy: a listener may call off() (or on()) while we iterate.
      for (const fn of [...(listeners[event] ?? [])]) call(fn, data);
    },
  };
}
