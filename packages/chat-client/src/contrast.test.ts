import { describe, expect, it } from 'vitest';
import { AA_TEXT, BLACK, WHITE, contrastRatio, mixColors, readableOn, relativeLuminance, textColorOn } from './contrast.ts';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // #767676 on white is the well-known lightest AA grey (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
  });

  it('puts white on dark brand colors and near-black on light ones, always passing AA where either can', () => {
    expect(textColorOn('#4f46e5')).toBe(WHITE);
    expect(textColorOn('#000000')).toBe(WHITE);
    expect(textColorOn('#fde047')).toBe(BLACK);
    expect(textColorOn('#ffffff')).toBe(BLACK);
    for (const brand of ['#4f46e5', '#fde047', '#22c55e', '#ef4444', '#0ea5e9', '#808080', '#f97316', '#ec4899']) {
      expect(contrastRatio(textColorOn(brand), brand), brand).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it('darkens a light brand on light backgrounds and lightens a dark brand on dark ones until AA', () => {
    for (const brand of ['#facc15', '#4f46e5', '#22c55e', '#000000', '#ffffff']) {
      for (const bg of ['#ffffff', '#f3f4f6', '#111827', '#1f2937']) {
        expect(contrastRatio(readableOn(brand, bg), bg), `${brand} on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
      }
    }
    // Already readable: unchanged.
    expect(readableOn('#4338ca', '#ffffff')).toBe('#4338ca');
  });

  it('mixes channel by channel', () => {
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColors('#4f46e5', '#4f46e5', 0.3)).toBe('#4f46e5');
  });
});
