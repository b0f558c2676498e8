import { describe, expect, it } from 'vitest';
import { isTopExit } from './exit-intent.ts';

describe('exit intent', () => {
  it('exit intent is the pointer leaving the document through the top only', () => {
    expect(isTopExit({ clientY: -2, relatedTarget: null })).toBe(true);
    expect(isTopExit({ clientY: 300, relatedTarget: null })).toBe(false); // out through a side
    expect(isTopExit({ clientY: -2, relatedTarget: {} })).toBe(false); // onto another element
  });
});
