import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from '@hearth/chat-client';
import { SURFACES, resolveTheme, themeVariables } from './appearance.ts';

describe('resolveTheme', () => {
  it('lets the host page override the site, and auto follow the system', () => {
    expect(resolveTheme(null, 'auto', true)).toBe('dark');
    expect(resolveTheme(null, 'auto', false)).toBe('light');
    expect(resolveTheme(null, 'dark', false)).toBe('dark');
    expect(resolveTheme('light', 'dark', true)).toBe('light');
    expect(resolveTheme('auto', 'light', true)).toBe('dark');
  });
});

describe('themeVariables', () => {
  it('keeps every text color of both themes at AA on the surfaces it sits on', () => {
    for (const theme of ['light', 'dark'] as const) {
      const s = SURFACES[theme];
      for (const fg of [s.text, s.muted, s.danger]) {
        expect(contrastRatio(fg, s.bg), `${theme} ${fg}`).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(fg, s.raised), `${theme} ${fg}`).toBeGreaterThanOrEqual(AA_TEXT);
      }
    }
  });

  it('derives readable brand text, text on the brand, and a hover that keeps it, for light and dark brands', () => {
    for (const brand of ['#4f46e5', '#facc15', '#16a34a', '#000000', '#ffffff', '#0ea5e9']) {
      for (const theme of ['light', 'dark'] as const) {
        const v = themeVariables(brand, theme);
        expect(contrastRatio(v['--on-brand']!, brand), `${brand} ${theme}`).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(v['--on-brand']!, v['--brand-hover']!), `${brand} ${theme} hover`).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(v['--brand-text']!, SURFACES[theme].bg), `${brand} ${theme}`).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(v['--brand-text']!, SURFACES[theme].raised), `${brand} ${theme}`).toBeGreaterThanOrEqual(AA_TEXT);
      }
    }
  });
});
