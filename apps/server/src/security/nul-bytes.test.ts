import { describe, expect, it } from 'vitest';
import { hasNulByte } from './nul-bytes.ts';

describe('hasNulByte', () => {
  it('finds a NUL in any string, key or nested value', () => {
    expect(hasNulByte('a\u0000')).toBe(true);
    expect(hasNulByte({ a: [{ b: 'x\u0000y' }] })).toBe(true);
    expect(hasNulByte({ ['k\u0000']: 1 })).toBe(true);
    expect(hasNulByte({ a: ['plain', 1, null, true, { b: 'ünïcødé 😀' }] })).toBe(false);
    expect(hasNulByte(undefined)).toBe(false);
  });
});
