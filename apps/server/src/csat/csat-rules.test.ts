import { describe, expect, it } from 'vitest';
import { SiteSettingsSchema } from '@hearth/protocol';
import type { CommandError } from '../realtime/commands.ts';
import { assertRatable, csatPrompt, normalizeComment, type CsatFacts } from './csat-rules.ts';

const HOUR = 3_600_000;
const settings = SiteSettingsSchema.parse({});
const closed: CsatFacts = { status: 'closed', closedAt: 1000, hasAgentReply: true, rating: null };

describe('csatPrompt', () => {
  it('asks a closed, answered conversation with the default texts until 24 h after close', () => {
    expect(csatPrompt(closed, settings, 1000)).toEqual({
      question: 'How would you rate the support you received?',
      commentPrompt: 'What is the main reason for your score?',
      thanks: 'Thank you for your feedback!',
      cesQuestion: null,
      rating: null,
      changeableUntil: 1000 + 24 * HOUR,
    });
    expect(csatPrompt(closed, settings, 1000 + 24 * HOUR)).not.toBeNull();
    expect(csatPrompt(closed, settings, 1001 + 24 * HOUR)).toBeNull();
  });
  it('never asks an open conversation or one without an agent reply', () => {
    expect(csatPrompt({ ...closed, status: 'open', closedAt: null }, settings, 1000)).toBeNull();
    expect(csatPrompt({ ...closed, hasAgentReply: false }, settings, 1000)).toBeNull();
  });
  it('carries the site texts and the CES question when enabled', () => {
    const custom = SiteSettingsSchema.parse({ csatQuestion: 'Happy?', cesEnabled: true });
    expect(csatPrompt(closed, custom, 1000)).toMatchObject({ question: 'Happy?', cesQuestion: 'How easy was it to get the help you needed?' });
  });
});

describe('assertRatable', () => {
  const code = (facts: CsatFacts, now: number) => {
    try {
      assertRatable(facts, settings, now);
      return 'ok';
    } catch (e) {
      return (e as CommandError).code;
    }
  };
  it('refuses open, unanswered and expired conversations with distinct errors', () => {
    expect(code(closed, 2000)).toBe('ok');
    expect(code({ ...closed, status: 'open' }, 2000)).toBe('conflict');
    expect(code({ ...closed, hasAgentReply: false }, 2000)).toBe('forbidden');
    expect(code(closed, 1001 + 24 * HOUR)).toBe('conflict');
  });
});

describe('normalizeComment', () => {
  it('trims and drops empty comments', () => {
    expect(normalizeComment('  fast  ')).toBe('fast');
    expect(normalizeComment(' \n ')).toBeNull();
    expect(normalizeComment(undefined)).toBeNull();
  });
});
