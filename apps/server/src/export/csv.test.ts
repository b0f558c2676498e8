import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes every cell, doubles quotes, leaves numbers alone and defuses formulas', () => {
    expect(toCsv(['a', 'b'], [['say "hi"', 3], ['=HYPERLINK("x")', null], ['-1', -1]])).toBe(
      '\uFEFF"a","b"\r\n"say ""hi""","3"\r\n"\'=HYPERLINK(""x"")",\r\n"\'-1","-1"\r\n',
    );
  });

  it('starts with one UTF-8 byte-order mark, so spreadsheets read Cyrillic and umlauts as UTF-8', () => {
    const bytes = Buffer.from(toCsv(['name'], [['Иван Петров'], ['München']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('"name"\r\n"Иван Петров"\r\n"München"\r\n');
  });
});
