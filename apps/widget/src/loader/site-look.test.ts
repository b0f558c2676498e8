import { describe, expect, it } from 'vitest';
import { DEFAULT_LOOK, withDefaults } from './site-look.ts';

describe('site look', () => {
  it('fills what a stored look lacks from the defaults, and never computes with a non-color', () => {
    const look = { brandColor: '#fde047', onBrand: '#111827', position: 'left', theme: 'dark', launcherLabel: 'Ask us', locale: 'de' } as const;
    expect(withDefaults(look)).toEqual(look);
    expect(withDefaults(null)).toEqual(DEFAULT_LOOK);
    expect(withDefaults({ position: 'left' })).toEqual({ ...DEFAULT_LOOK, position: 'left' });
    expect(withDefaults({ brandColor: 'red;}' })).toEqual(DEFAULT_LOOK);
    expect(withDefaults({ brandColor: '#fde047', onBrand: 'x' })).toEqual(DEFAULT_LOOK);
  });
});
