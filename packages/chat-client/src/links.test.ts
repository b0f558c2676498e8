import { describe, expect, it } from 'vitest';
import { splitLinks } from './links.ts';

const links = (s: string) => splitLinks(s).filter((p) => p.kind === 'link').map((p) => (p as { href: string }).href);

describe('splitLinks', () => {
  it('links bare domains as https and keeps the text around them', () => {
    expect(splitLinks('see example.com now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'example.com', href: 'https://example.com' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('keeps http(s), www. and mailto links, without sentence punctuation', () => {
    expect(links('http://a.io/x?y=1 or mail bob@example.org')).toEqual(['http://a.io/x?y=1', 'mailto:bob@example.org']);
    expect(links('Go to https://shop.test/cart, then www.ember-oak.shop/checkout.')).toEqual([
      'https://shop.test/cart',
      'https://www.ember-oak.shop/checkout',
    ]);
    expect(links('(see https://en.wikipedia.org/wiki/Oak_(disambiguation))')).toEqual(['https://en.wikipedia.org/wiki/Oak_(disambiguation)']);
    expect(links('port localhost.dev:8080/a#b!')).toEqual(['https://localhost.dev:8080/a#b']);
  });

  it('never links javascript:, data: or other schemes', () => {
    for (const s of [
      'javascript:alert(1)',
      'javascript:alert(document.domain)//example.com',
      'JaVaScRiPt:window.x=1//a.com',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ]) {
      expect(links(s), s).toEqual([]);
      expect(splitLinks(s).map((p) => p.text).join('')).toBe(s);
    }
  });

  it('does not treat version numbers, file names or decimals as links', () => {
    expect(links('version 1.2.3, file report.pdf, total 84.00 EUR, e.g. this')).toEqual([]);
  });

  it('round-trips every input: the parts always join back to the text', () => {
    const samples = ['', 'plain', '<b>hi</b>', 'a example.com b https://x.io c me@x.io d', '((www.a.com))', 'x'.repeat(5000)];
    for (const s of samples) expect(splitLinks(s).map((p) => p.text).join('')).toBe(s);
    expect(splitLinks('<b>hi</b>')).toEqual([{ kind: 'text', text: '<b>hi</b>' }]);
    expect(splitLinks('')).toEqual([]);
  });

  it('handles pathological input without backtracking blow-up (the test timeout is the guard)', () => {
    expect(links('a.'.repeat(2500) + '!')).toEqual([]);
    expect(links('http://' + 'a'.repeat(5000))).toHaveLength(1);
  });
});
