import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes every cell, doubles quotes, leaves numbers alone and defuses formulas', () => {
    expect(toCsv(['a', 'b'], [['say "hi"', 3], ['=HYPERLINK("x")', null], ['-1', -1]])).toBe(
      '"a","b"\r\n"say ""hi""","3"\r\n"\'=HYPERLINK(""x"")",\r\n"\'-1","-1"\r\n',
    );
  });
});
