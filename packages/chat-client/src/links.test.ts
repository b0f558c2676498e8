import { describe, expect, it } from 'vitest';
import { splitLinks } from './links.ts';

describe('splitLinks', () => {
  it('links bare domains as https and keeps the text around them', () => {
    expect(splitLinks('see example.com now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'example.com', href: 'https://example.com' },
      { kind: 'text', text: ' now' },
    ]);
  });
  it('keeps http(s) and mailto links', () => {
    const parts = splitLinks('http://a.io/x?y=1 or mail bob@example.org');
    expect(parts.filter((p) => p.kind === 'link').map((p) => (p as { href: string }).href)).toEqual([
      'http://a.io/x?y=1',
      'mailto:bob@example.org',
    ]);
  });
  it('never links javascript: or data: urls', () => {
    for (const s of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:alert(1)']) {
      expect(splitLinks(s).every((p) => p.kind === 'text')).toBe(true);
      expect(splitLinks(s).map((p) => p.text).join('')).toBe(s);
    }
  });
  it('returns plain text untouched', () => {
    expect(splitLinks('<b>hi</b>')).toEqual([{ kind: 'text', text: '<b>hi</b>' }]);
    expect(splitLinks('')).toEqual([]);
  });
});
