import { describe, expect, it } from 'vitest';
import { EMOJI, nextEmojiIndex } from './emoji-grid.ts';

describe('emoji grid', () => {
  it('holds 60–100 distinct emoji', () => {
    expect(EMOJI.length).toBeGreaterThanOrEqual(60);
    expect(EMOJI.length).toBeLessThanOrEqual(100);
    expect(new Set(EMOJI).size).toBe(EMOJI.length);
  });

  it('moves by one across and by a row down and up, stopping at the edges', () => {
    expect(nextEmojiIndex('ArrowRight', 0, 20, 8)).toBe(1);
    expect(nextEmojiIndex('ArrowRight', 19, 20, 8)).toBe(19);
    expect(nextEmojiIndex('ArrowLeft', 0, 20, 8)).toBe(0);
    expect(nextEmojiIndex('ArrowDown', 3, 20, 8)).toBe(11);
    expect(nextEmojiIndex('ArrowDown', 13, 20, 8)).toBe(13);
    expect(nextEmojiIndex('ArrowUp', 11, 20, 8)).toBe(3);
    expect(nextEmojiIndex('ArrowUp', 3, 20, 8)).toBe(3);
  });

  it('jumps to the start and end of the row with Home and End, and ignores other keys', () => {
    expect(nextEmojiIndex('Home', 11, 20, 8)).toBe(8);
    expect(nextEmojiIndex('End', 9, 20, 8)).toBe(15);
    expect(nextEmojiIndex('End', 17, 20, 8)).toBe(19);
    expect(nextEmojiIndex('Enter', 5, 20, 8)).toBeNull();
  });
});
