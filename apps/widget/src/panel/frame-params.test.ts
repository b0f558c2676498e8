import { describe, expect, it } from 'vitest';
import { isEmbeddedBy, parseFrameHash } from './frame-params.ts';

describe('parseFrameHash', () => {
  it('reads what the loader wrote', () => {
    expect(parseFrameHash('#site=acme&host=http%3A%2F%2Flocalhost%3A3999')).toEqual({ siteKey: 'acme', host: 'http://localhost:3999' });
  });
  it('refuses hosts that are not exact http(s) origins', () => {
    for (const host of ['https://a.io/', 'https://a.io/path', 'null', 'javascript:alert(1)', '*', 'file:///etc', '']) {
      expect(parseFrameHash(`#site=acme&host=${encodeURIComponent(host)}`)).toBeNull();
    }
  });
  it('refuses bad or missing site keys', () => {
    expect(parseFrameHash('#host=https%3A%2F%2Fa.io')).toBeNull();
    expect(parseFrameHash('#site=a%20b&host=https%3A%2F%2Fa.io')).toBeNull();
  });
});

describe('isEmbeddedBy', () => {
  it('requires a parent, and the browser-reported ancestor to match when known', () => {
    expect(isEmbeddedBy('https://a.io', ['https://a.io'], true)).toBe(true);
    expect(isEmbeddedBy('https://a.io', ['https://evil.io'], true)).toBe(false);
    expect(isEmbeddedBy('https://a.io', undefined, true)).toBe(true);
    expect(isEmbeddedBy('https://a.io', [], false)).toBe(false);
  });
});
