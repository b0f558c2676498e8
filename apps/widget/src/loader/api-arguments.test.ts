import { describe, expect, it } from 'vitest';
import { BadArgument, attributes, identity, listener, locale, theme, trackArgs } from './api-arguments.ts';

/** The reason a check refuses `run`'s argument, or 'valid'. */
const invalid = (run: () => unknown): string => {
  try {
    run();
    return 'valid';
  } catch (error) {
    if (error instanceof BadArgument) return error.message;
    throw error;
  }
};

describe('Hearth API arguments', () => {
  it('accepts flat attributes: text, finite numbers, booleans, null', () => {
    expect(attributes({ plan: 'pro', seats: 3, trial: false, 'account.id': 'a-1', coupon: null })).toEqual({
      plan: 'pro',
      seats: 3,
      trial: false,
      'account.id': 'a-1',
      coupon: null,
    });
    expect(attributes({ note: 'x'.repeat(500) })).toEqual({ note: 'x'.repeat(500) });
  });

  it('refuses bad keys, bad values and too many keys, naming the problem', () => {
    expect(invalid(() => attributes('plan=pro'))).toBe('attributes must be a plain object');
    expect(invalid(() => attributes([1]))).toBe('attributes must be a plain object');
    expect(invalid(() => attributes({ '1plan': 'x' }))).toMatch(/bad key "1plan"/);
    expect(invalid(() => attributes({ ['a'.repeat(65)]: 'x' }))).toMatch(/bad key/);
    expect(invalid(() => attributes({ note: 'x'.repeat(501) }))).toMatch(/^attributes\.note: text \(≤ 500 chars\)/);
    expect(invalid(() => attributes({ n: Number.NaN }))).toMatch(/a number/);
    expect(invalid(() => attributes({ n: Infinity }))).toMatch(/a number/);
    expect(invalid(() => attributes({ nested: { a: 1 } }))).toMatch(/attributes\.nested/);
    expect(invalid(() => attributes({ list: [1, 2] }))).toMatch(/attributes\.list/);
    expect(invalid(() => attributes({ fn: () => 1 }))).toMatch(/attributes\.fn/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(invalid(() => attributes(many))).toBe('attributes: at most 50 keys');
  });

  it('identify keeps only the known fields, checks their types, and null forgets the user', () => {
    expect(identity(null)).toBeNull();
    expect(identity({ id: 'u1', hash: 'ab', name: 'Ana', email: 'ana@x.io', extra: 'dropped', attributes: { plan: 'pro' } })).toEqual({
      id: 'u1',
      hash: 'ab',
      name: 'Ana',
      email: 'ana@x.io',
      attributes: { plan: 'pro' },
    });
    expect(identity({ name: 'Ana' })).toEqual({ name: 'Ana' });
    expect(invalid(() => identity('u1'))).toMatch(/identify needs \{ id/);
    expect(invalid(() => identity({ id: 42 }))).toBe('identify: id must be text (≤ 256 chars)');
    expect(invalid(() => identity({ email: 'x'.repeat(255) }))).toMatch(/email/);
    expect(invalid(() => identity({ id: 'u1', attributes: { 'bad key': 1 } }))).toMatch(/^identify attributes: bad key/);
  });

  it('track takes a name and attribute-like props, counting arrays (cart line items) as their length', () => {
    expect(trackArgs('viewed_pricing', undefined)).toEqual({ name: 'viewed_pricing' });
    expect(trackArgs('cart', { value: 84, currency: 'EUR', items: [{ sku: 'a' }, { sku: 'b' }] })).toEqual({
      name: 'cart',
      props: { value: 84, currency: 'EUR', items: 2 },
    });
    expect(invalid(() => trackArgs('', undefined))).toMatch(/track needs a name/);
    expect(invalid(() => trackArgs(7, undefined))).toMatch(/track needs a name/);
    expect(invalid(() => trackArgs('x'.repeat(65), undefined))).toMatch(/track needs a name/);
    expect(invalid(() => trackArgs('cart', { value: { amount: 1 } }))).toMatch(/^track props\.value/);
  });

  it('locale, theme and listeners', () => {
    expect(locale('de')).toBe('de');
    expect(locale('es-MX')).toBe('es');
    expect(locale('EN')).toBe('en');
    expect(locale(null)).toBeNull();
    expect(invalid(() => locale('fr'))).toBe('setLocale: en, de, es or null');
    expect(invalid(() => locale('dex'))).toMatch(/setLocale/);
    expect(theme('dark')).toBe('dark');
    expect(theme(null)).toBeNull();
    expect(invalid(() => theme('blue'))).toBe('setTheme: light, dark, auto or null');
    const fn = () => {};
    expect(listener(['open', 'close'], 'open', fn)).toEqual(['open', fn]);
    expect(invalid(() => listener(['open', 'close'], 'opened', fn))).toMatch(/unknown event "opened"/);
    expect(invalid(() => listener(['open', 'close'], 'open', 'fn'))).toBe('on/off needs a function');
  });
});
