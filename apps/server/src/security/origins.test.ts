import { describe, expect, it } from 'vitest';
import { isOwnOrigin } from './origins.ts';

describe('isOwnOrigin', () => {
  it('accepts the server’s own origin, PUBLIC_URL and clients that send no Origin', () => {
    expect(isOwnOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', undefined)).toBe(true);
    expect(isOwnOrigin('https://chat.example.com', 'internal:3000', 'https://chat.example.com/')).toBe(true);
    expect(isOwnOrigin(undefined, '127.0.0.1:3000', undefined)).toBe(true);
  });
  it('refuses foreign, malformed and "null" origins', () => {
    expect(isOwnOrigin('https://evil.test', '127.0.0.1:3000', undefined)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:3001', '127.0.0.1:3000', undefined)).toBe(false);
    expect(isOwnOrigin('null', '127.0.0.1:3000', undefined)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:3000/path', '127.0.0.1:3000', undefined)).toBe(false);
    expect(isOwnOrigin('https://chat.example.com.evil.test', 'x', 'https://chat.example.com')).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:3000', undefined, undefined)).toBe(false);
  });
});
