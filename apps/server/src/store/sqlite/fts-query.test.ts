import { describe, expect, it } from 'vitest';
import { ftsPhrase } from './fts-query.ts';

describe('ftsPhrase', () => {
  it('quotes the input as one phrase and doubles quotes', () => {
    expect(ftsPhrase(' cedar candle ')).toBe('"cedar candle"');
    expect(ftsPhrase('say "hi"')).toBe('"say ""hi"""');
    expect(ftsPhrase('a* OR b NEAR(c) -d ^e col:f')).toBe('"a* OR b NEAR(c) -d ^e col:f"');
  });
  it('returns null when there is nothing to search for', () => {
    expect(ftsPhrase('')).toBeNull();
    expect(ftsPhrase('"*(:)"')).toBeNull();
  });
});
