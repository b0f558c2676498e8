import { describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type ConversationId, type SiteId } from '@hearth/protocol';
import { bracketedSnippet, toSearchHit } from './search-hits.ts';

const hit = (snippet: string) => ({
  conversationId: 'c1' as ConversationId,
  siteId: 's1' as SiteId,
  visitorName: null,
  status: 'open' as const,
  agentName: null,
  rating: null,
  trigger: null,
  createdAt: 0,
  closedAt: null,
  snippet,
});

describe('search hits on the wire', () => {
  it('gives the snippet as plain text and the match as offsets; a message’s own brackets stay text', () => {
    expect(toSearchHit(hit(`Ships to [EU]: ${SNIPPET_OPEN}Norway${SNIPPET_CLOSE} too`))).toMatchObject({
      snippet: 'Ships to [EU]: Norway too',
      highlight: [15, 21],
    });
    expect(toSearchHit(hit('last message'))).toMatchObject({ snippet: 'last message', highlight: null });
  });
  it('shows the match in [ and ] for a CSV cell', () => {
    expect(bracketedSnippet(`a ${SNIPPET_OPEN}b${SNIPPET_CLOSE} c`)).toBe('a [b] c');
  });
});
