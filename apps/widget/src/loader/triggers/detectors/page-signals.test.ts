import { describe, expect, it } from 'vitest';
import { scrollPercent } from './page-signals.ts';

describe('page signals', () => {
  it('reads the scroll depth', () => {
    expect(scrollPercent(0, 800, 800)).toBe(100);
    expect(scrollPercent(600, 800, 2800)).toBe(50);
  });
});

// describeElement needs a DOM: e2e/trigger-evidence.e2e.ts runs it in Chromium on real markup.
