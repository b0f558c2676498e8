import { describe, expect, it } from 'vitest';
import { nextRating } from './rating-keys.ts';

describe('nextRating', () => {
  it('steps with arrows, stops at the ends, jumps with Home/End', () => {
    expect(nextRating('ArrowRight', 3)).toBe(4);
    expect(nextRating('ArrowDown', 5)).toBe(5);
    expect(nextRating('ArrowLeft', 1)).toBe(1);
    expect(nextRating('ArrowUp', 4)).toBe(3);
    expect(nextRating('Home', 4)).toBe(1);
    expect(nextRating('End', null)).toBe(5);
  });
  it('checks 1 first from nothing; ignores other keys', () => {
    expect(nextRating('ArrowRight', null)).toBe(1);
    expect(nextRating('ArrowLeft', null)).toBe(1);
    expect(nextRating('Tab', 2)).toBeNull();
    expect(nextRating('a', 2)).toBeNull();
  });
});
