import { describe, expect, it } from 'vitest';
import { NEAR_BLACK as DARK_TEXT, WHITE as LIGHT_TEXT, contrastRatio, launcherTextOn as textColorOn } from './contrast.ts';

describe('launcher text color on the brand color', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Symmetric, and the classic #767676-on-white AA threshold.
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps white on dark and saturated brand colors', () => {
    for (const brand of ['#4f46e5', '#111827', '#b91c1c', '#047857']) expect(textColorOn(brand)).toBe(LIGHT_TEXT);
  });

  it('switches to near-black on light brand colors, and the choice always passes AA', () => {
    for (const brand of ['#fde047', '#ffffff', '#a5f3fc', '#22c55e', '#f59e0b']) {
      expect(textColorOn(brand)).toBe(DARK_TEXT);
    }
    expect(textColorOn('#808080')).toBe('#000000');
    for (const brand of ['#4f46e5', '#fde047', '#22c55e', '#808080', '#ff0000', '#0ea5e9', '#777777', '#7f7f7f', '#e11d48']) {
      expect(contrastRatio(brand, textColorOn(brand))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
