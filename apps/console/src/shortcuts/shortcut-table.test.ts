import { describe, expect, it } from 'vitest';
import { SHORTCUTS, neighbour, shortcutFor, type KeyLike } from './shortcut-table.ts';

const key = (k: string, over: Partial<KeyLike> = {}): KeyLike => ({ key: k, code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...over });

describe('shortcutFor', () => {
  it('letters act only when not typing', () => {
    expect(shortcutFor(key('j'), false)).toBe('next-conversation');
    expect(shortcutFor(key('j'), true)).toBeNull();
    expect(shortcutFor(key('?', { shiftKey: true }), false)).toBe('show-help');
    expect(shortcutFor(key('/'), false)).toBe('canned-replies');
  });
  it('Alt combinations work while typing, matched by code', () => {
    expect(shortcutFor(key('ArrowDown', { altKey: true }), true)).toBe('next-conversation');
    expect(shortcutFor(key('≈', { altKey: true, code: 'KeyX' }), true)).toBe('close-conversation');
    expect(shortcutFor(key('x', { ctrlKey: true, code: 'KeyX' }), false)).toBeNull();
  });
  it('every action has a row in the help table', () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });
});

describe('neighbour', () => {
  it('steps through the visible order without wrapping', () => {
    expect(neighbour(['a', 'b', 'c'], 'b', 1)).toBe('c');
    expect(neighbour(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(neighbour(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(neighbour(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(neighbour([], null, 1)).toBeNull();
  });
});
