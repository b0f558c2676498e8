import { describe, expect, it } from 'vitest';
import { MAX_ATTRIBUTES, VisitorAttributesSchema, AppearanceSchema } from '@hearth/protocol';
import { mergeAttributes, parseStoredAttributes, validTimeZone } from './visitor-profile.ts';

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
