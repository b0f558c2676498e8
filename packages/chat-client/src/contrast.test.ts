import { describe, expect, it } from 'vitest';
import { contrastRatio, textColorOn } from './contrast.ts';

describe('textColorOn', () => {
  it('picks white on dark brands and near-black on light ones', () => {
    expect(textColorOn('#4f46e5')).toBe('#ffffff');
    expect(textColorOn('#000000')).toBe('#ffffff');
    expect(textColorOn('#facc15')).toBe('#000000');
    expect(textColorOn('#ffffff')).toBe('#000000');
  });
  it('the chosen text is the better of the two and always reaches AA (4.5:1)', () => {
    for (const hex of ['#4f46e5', '#0e7490', '#16a34a', '#f97316', '#ec4899', '#808080', '#777777', '#757575', '#7a7a7a', '#ff0000', '#0000ff']) {
      const text = textColorOn(hex);
      const other = text === '#ffffff' ? '#000000' : '#ffffff';
      expect(contrastRatio(hex, text)).toBeGreaterThanOrEqual(contrastRatio(hex, other));
      expect(contrastRatio(hex, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
  });
});
