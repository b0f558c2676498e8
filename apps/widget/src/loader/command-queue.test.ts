import { describe, expect, it, vi } from 'vitest';
import { BadArgument } from './api-arguments.ts';
import { installApi, type HearthApi } from './command-queue.ts';

describe('window.Hearth', () => {
  it('replays calls queued by the snippet stub, then runs calls directly', () => {
    const calls: string[] = [];
    const target: { Hearth?: HearthApi } = {};
    // What the snippet does before the loader arrives.
    const stub: HearthApi = (...args: unknown[]) => {
      (stub.q ??= []).push(args);
    };
    target.Hearth = stub;
    target.Hearth('open');
    target.Hearth('toggle');

    installApi(target, { open: () => calls.push('open'), close: () => calls.push('close'), toggle: () => calls.push('toggle') });
    expect(calls).toEqual(['open', 'toggle']);
    target.Hearth('close');
    expect(calls).toEqual(['open', 'toggle', 'close']);
    expect(target.Hearth.loaded).toBe(true);
  });

  it('ignores unknown commands and contains errors', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const target: { Hearth?: HearthApi } = {};
    installApi(target, {
      boom: () => {
        throw new Error('x');
      },
      set: () => {
        throw new BadArgument('attributes must be a plain object');
      },
    });
    expect(() => target.Hearth!('constructor')).not.toThrow();
    expect(() => target.Hearth!('boom')).not.toThrow();
    expect(() => target.Hearth!('set', 'plan')).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenLastCalledWith('[hearth] attributes must be a plain object');
    expect(error).toHaveBeenCalledOnce();
    warn.mockRestore();
    error.mockRestore();
  });
});
