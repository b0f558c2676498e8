import { describe, expect, it, vi } from 'vitest';
import { createHostEvents } from './host-events.ts';

describe('host listeners', () => {
  it('calls listeners with the data, stops after off, and survives a throwing listener', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events = createHostEvents();
    const seen: unknown[] = [];
    const fn = (data?: unknown) => seen.push(data);
    events.on('unread:changed', () => {
      throw new Error('host bug');
    });
    events.on('unread:changed', fn);
    events.on('unread:changed', fn); // the same function twice is one listener
    events.emit('unread:changed', { count: 2 });
    events.off('unread:changed', fn);
    events.emit('unread:changed', { count: 0 });
    expect(seen).toEqual([{ count: 2 }]);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it("a 'ready' listener added after ready is called at once", () => {
    const events = createHostEvents();
    const early = vi.fn();
    events.on('ready', early);
    events.emit('ready');
    const late = vi.fn();
    events.on('ready', late);
    expect(early).toHaveBeenCalledOnce();
    expect(late).toHaveBeenCalledOnce();
    const open = vi.fn();
    events.on('open', open);
    expect(open).not.toHaveBeenCalled();
  });
});
