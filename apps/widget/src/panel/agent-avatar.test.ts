import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from '@hearth/chat-client';
import { AVATAR_PALETTE, avatarColor, initialsOf } from './agent-avatar.ts';

describe('agent avatar', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf(' grace ')).toBe('G');
    expect(initialsOf('Jean Paul Sartre')).toBe('JS');
    expect(initialsOf('Łukasz Żak')).toBe('ŁŻ');
    expect(initialsOf('')).toBe('');
  });

  it('gives a name a stable color that takes white text at AA', () => {
    expect(avatarColor('Ada')).toBe(avatarColor('Ada'));
    for (const color of AVATAR_PALETTE) expect(contrastRatio('#ffffff', color), color).toBeGreaterThanOrEqual(AA_TEXT);
  });
});
