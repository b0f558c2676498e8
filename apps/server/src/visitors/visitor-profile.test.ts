import { describe, expect, it } from 'vitest';
import { MAX_ATTRIBUTES, VisitorAttributesSchema, AppearanceSchema } from '@hearth/protocol';
import { decideProfileChange, mergeAttributes, parseStoredAttributes, validTimeZone } from './visitor-profile.ts';

describe('visitor attributes', () => {
  it('merges changes and removes keys set to null', () => {
    expect(mergeAttributes({ plan: 'pro', seats: 3 }, { seats: null, trial: false })).toEqual({ plan: 'pro', trial: false });
  });

  it('refuses a merge past the limit', () => {
    const full = Object.fromEntries(Array.from({ length: MAX_ATTRIBUTES }, (_, i) => [`k${i}`, i]));
    expect(mergeAttributes(full, { extra: 1 })).toBeNull();
    expect(mergeAttributes(full, { k0: 'changed' })).not.toBeNull();
  });

  it('validates keys, value types and sizes at the boundary', () => {
    expect(VisitorAttributesSchema.safeParse({ 'account.id': 'a1', plan: 'pro', n: 2, ok: true, gone: null }).success).toBe(true);
    expect(VisitorAttributesSchema.safeParse({ '__proto__x': 1 }).success).toBe(false);
    expect(VisitorAttributesSchema.safeParse({ nested: { a: 1 } }).success).toBe(false);
    expect(VisitorAttributesSchema.safeParse({ long: 'x'.repeat(501) }).success).toBe(false);
    expect(VisitorAttributesSchema.safeParse({ n: Number.POSITIVE_INFINITY }).success).toBe(false);
  });

  it('reads damaged stored JSON as no attributes', () => {
    expect(parseStoredAttributes('not json')).toEqual({});
    expect(parseStoredAttributes('[1]')).toEqual({});
  });
});

describe('appearance', () => {
  it('a color is a color', () => {
    expect(AppearanceSchema.parse({ brandColor: '#AABBCC' }).brandColor).toBe('#aabbcc');
    expect(AppearanceSchema.safeParse({ brandColor: 'red; background:url(x)' }).success).toBe(false);
    expect(AppearanceSchema.safeParse({ position: 'middle' }).success).toBe(false);
  });
});

describe('visitor time zone', () => {
  it('keeps a zone the runtime knows and drops anything else', () => {
    expect(validTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(validTimeZone('Mars/Olympus')).toBeNull();
    expect(validTimeZone('')).toBeNull();
  });
});

describe('decideProfileChange', () => {
  const anonymous = { attributes: '{"plan":"pro"}', externalId: null };
  const verified = { attributes: '{}', externalId: 'user-7' };

  it('sets name, email, locale and merged attributes of an anonymous visitor', () => {
    expect(decideProfileChange(anonymous, { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Paris', language: ' fr ', attributes: { seats: 3 } })).toEqual({
      ok: true,
      set: { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Paris', language: 'fr', attributes: '{"plan":"pro","seats":3}' },
    });
  });

  it('never overwrites a verified visitor\'s name or email, but keeps their locale and attributes', () => {
    expect(decideProfileChange(verified, { name: 'Mallory', email: 'm@evil.test', timeZone: 'Nowhere/Else', attributes: { a: 1 } })).toEqual({
      ok: true,
      set: { timeZone: null, attributes: '{"a":1}' },
    });
  });

  it('refuses an update past the attribute limit and writes nothing', () => {
    const full = JSON.stringify(Object.fromEntries(Array.from({ length: MAX_ATTRIBUTES }, (_, i) => [`k${i}`, i])));
    expect(decideProfileChange({ attributes: full, externalId: null }, { name: 'Ada', attributes: { extra: 1 } })).toEqual({ ok: false, code: 'too_many_attributes' });
  });
});
