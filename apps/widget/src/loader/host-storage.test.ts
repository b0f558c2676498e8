import { describe, expect, it } from 'vitest';
import { isRecord, toJson } from './host-storage.ts';

/** Issue 16 item 1: the loader's JSON, written and read without the page's JSON or toJSON methods. */
describe('toJson', () => {
  const samples: unknown[] = [
    null,
    true,
    false,
    0,
    -12.5,
    1e21,
    '',
    'say "hi" \\ back\nslash / tab\t\u0001 \u2028 olá 退货 👍',
    [],
    {},
    [1, 'a', null, [true, { x: [] }]],
    { id: 'v1', timeline: [{ at: 1764496800000, kind: 'page', label: '/shop?a=1&b="2"' }], nested: { deep: { er: [1, 2, 3] } } },
  ];
  it('writes what JSON.stringify writes for plain data', () => {
    for (const value of samples) {
      expect(JSON.parse(toJson(value))).toEqual(value);
    }
  });
  it('leaves undefined members out and writes non-finite numbers as null, like JSON', () => {
    expect(toJson({ a: undefined, b: NaN, c: [Infinity] })).toBe('{"b":null,"c":[null]}');
  });
  it('ignores toJSON methods, such as the Array#toJSON Prototype.js 1.6 adds', () => {
    const list = Object.assign([1, 2], { toJSON: () => '"[1, 2]"' });
    const record = { toJSON: () => 'nope', a: list };
    expect(toJson(record)).toBe('{"a":[1,2]}');
  });
  it('isRecord: a plain object, not a list, null or text', () => {
    expect([{}, { a: 1 }, [], null, '{}', 1].map(isRecord)).toEqual([true, true, false, false, false, false]);
  });
});
