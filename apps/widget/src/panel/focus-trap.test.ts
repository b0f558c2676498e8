import { describe, expect, it } from 'vitest';
import { wrapFocus } from './focus-trap.ts';

describe('wrapFocus', () => {
  it('wraps from the last to the first and from the first to the last', () => {
    expect(wrapFocus(4, 3, false)).toBe(0);
    expect(wrapFocus(4, 0, true)).toBe(3);
  });
  it('leaves the middle to the browser', () => {
    expect(wrapFocus(4, 1, false)).toBeNull();
    expect(wrapFocus(4, 2, true)).toBeNull();
  });
  it('pulls focus from outside the tab stops back in, and does nothing without tab stops', () => {
    expect(wrapFocus(4, -1, false)).toBe(0);
    expect(wrapFocus(4, -1, true)).toBe(3);
    expect(wrapFocus(0, -1, false)).toBeNull();
  });
});
