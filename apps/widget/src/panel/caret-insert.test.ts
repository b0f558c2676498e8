import { describe, expect, it } from 'vitest';
import { insertAt } from './caret-insert.ts';

describe('insertAt', () => {
  it('inserts at the caret, replacing a selection', () => {
    expect(insertAt('Hi there', '👋', 2, 2)).toEqual({ value: 'Hi👋 there', caret: 4 });
    expect(insertAt('Hi there', '🙂', 3, 8)).toEqual({ value: 'Hi 🙂', caret: 5 });
  });
});
