import { describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '@hearth/protocol';
import { foldText, likeEscape, substringSnippet } from './search-fold.ts';

describe('substring search folding (issue 16 item 6)', () => {
  it('folds case, marks, ß and ligatures; leaves scripts without them alone', () => {
    expect(foldText('Größe')).toBe('grosse');
    expect(foldText('oﬃce ﬁve Æsir')).toBe('office five aesir');
    expect(foldText('いちにさん')).toBe('いちにさん');
    expect(foldText('我想退货谢谢')).toBe('我想退货谢谢');
  });

  it('marks the match in the original text, however folding changed the lengths', () => {
    expect(substringSnippet('我想退货谢谢', '退货')).toBe(`我想${SNIPPET_OPEN}退货${SNIPPET_CLOSE}谢谢`);
    expect(substringSnippet('Welche Größe?', 'GROSSE')).toBe(`Welche ${SNIPPET_OPEN}Größe${SNIPPET_CLOSE}?`);
    expect(substringSnippet('The oﬃce', 'offi')).toBe(`The ${SNIPPET_OPEN}oﬃ${SNIPPET_CLOSE}ce`);
    expect(substringSnippet('nothing here', 'いち')).toBeNull();
  });

  it('cuts a long message around the match, with … where it goes on', () => {
    const body = `${'a'.repeat(100)}いち${'b'.repeat(100)}`;
    expect(substringSnippet(body, 'いち')).toBe(`…${'a'.repeat(30)}${SNIPPET_OPEN}いち${SNIPPET_CLOSE}${'b'.repeat(60)}…`);
  });

  it('escapes LIKE wildcards', () => {
    expect(likeEscape('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
});
