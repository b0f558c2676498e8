import { describe, expect, it } from 'vitest';
import { parseOriginList } from './origin-list.ts';

describe('parseOriginList', () => {
  it('normalizes, drops duplicates and blank lines', () => {
    expect(parseOriginList(' HTTPS://Shop.Example:443/ \n\nhttps://shop.example, http://localhost:8080\nhttp://127.0.0.1:80')).toEqual({
      origins: ['https://shop.example', 'http://localhost:8080', 'http://127.0.0.1'],
      invalid: [],
    });
  });
  it('reports what is not an http(s) origin', () => {
    expect(parseOriginList('shop.example\nftp://x.test\nhttps://x.test/path\nhttps://ok.test').invalid).toEqual(['shop.example', 'ftp://x.test', 'https://x.test/path']);
  });
  it('empty text is the empty list (any page)', () => {
    expect(parseOriginList('  \n')).toEqual({ origins: [], invalid: [] });
  });
});
