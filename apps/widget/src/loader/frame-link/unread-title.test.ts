import { describe, expect, it } from 'vitest';
import { NO_PREFIX, unreadTitle, type TitleState } from './unread-title.ts';

/** Runs a sequence of (document title, count) steps the way the loader does, returning each written title. */
function run(steps: Array<[string | null, number]>): string[] {
  let state: TitleState = NO_PREFIX;
  let document = '';
  return steps.map(([hostTitle, count]) => {
    if (hostTitle !== null) document = hostTitle;
    const next = unreadTitle(state, document, count);
    state = next.state;
    document = next.title;
    return document;
  });
}

describe('unread title prefix', () => {
  it('adds "(N) " and restores the exact title at 0', () => {
    expect(run([['Ember & Oak', 0], [null, 1], [null, 3], [null, 0]])).toEqual(['Ember & Oak', '(1) Ember & Oak', '(3) Ember & Oak', 'Ember & Oak']);
  });

  it('does not touch a title it never prefixed', () => {
    expect(unreadTitle(NO_PREFIX, '(5) Inbox — my app', 0).title).toBe('(5) Inbox — my app');
  });

  it('a single-page app changing its title keeps the prefix, on the new title, and 0 restores the new one', () => {
    expect(run([['Shop', 2], ['Checkout', 2], [null, 0]])).toEqual(['(2) Shop', '(2) Checkout', 'Checkout']);
  });

  it('an app that rewrites the title to its own value while the prefix shows is followed, not fought', () => {
    expect(run([['Shop', 2], ['Shop', 2], [null, 2]])).toEqual(['(2) Shop', '(2) Shop', '(2) Shop']);
    expect(run([['  spaced  ', 1], [null, 0]])).toEqual(['(1)   spaced  ', '  spaced  ']);
  });
});
