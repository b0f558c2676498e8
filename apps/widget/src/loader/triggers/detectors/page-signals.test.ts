import { describe, expect, it } from 'vitest';
import { describeElement, scrollPercent } from './page-signals.ts';

describe('page signals', () => {
  it('reads the scroll depth', () => {
    expect(scrollPercent(0, 800, 800)).toBe(100);
    expect(scrollPercent(600, 800, 2800)).toBe(50);
  });
});

describe('describeElement', () => {
  it('names a clicked element by its text, else by tag and id', () => {
    const el = (textContent: string, tagName: string, id = '') => ({ textContent, tagName, id }) as unknown as Element;
    expect(describeElement(el('  Apply\n   coupon ', 'BUTTON'))).toBe('Apply coupon');
    expect(describeElement(el('', 'IMG', 'logo'))).toBe('img#logo');
    expect(describeElement(el('x'.repeat(60), 'P'))).toHaveLength(40);
  });
});
