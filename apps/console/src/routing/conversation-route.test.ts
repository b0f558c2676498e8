import { describe, expect, it } from 'vitest';
import { conversationIdFromPath, pathForConversation } from './conversation-route.ts';

describe('conversation route', () => {
  it('round-trips an id', () => {
    expect(conversationIdFromPath(pathForConversation('0b6c-77_x'))).toBe('0b6c-77_x');
    expect(conversationIdFromPath('/console/conversations/abc/')).toBe('abc');
  });

  it('ignores other paths and unsafe ids', () => {
    expect(conversationIdFromPath('/console/')).toBeNull();
    expect(conversationIdFromPath('/console/conversations/a%2Fb')).toBeNull();
    expect(conversationIdFromPath('/elsewhere/conversations/abc')).toBeNull();
    expect(pathForConversation(null)).toBe('/console/');
  });
});
