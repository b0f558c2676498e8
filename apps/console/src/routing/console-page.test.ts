import { describe, expect, it } from 'vitest';
import { consolePage, pathForPage } from './console-page.ts';

describe('consolePage', () => {
  it('maps paths to pages, everything else to the inbox', () => {
    expect(consolePage('/console/reports')).toBe('reports');
    expect(consolePage('/console/search/')).toBe('search');
    expect(consolePage('/console/conversations/abc')).toBe('inbox');
    expect(consolePage('/console/reports/x')).toBe('inbox');
    expect(pathForPage('reports')).toBe('/console/reports');
    expect(consolePage('/console/agents')).toBe('agents');
    expect(consolePage('/console/settings')).toBe('settings');
  });
});
