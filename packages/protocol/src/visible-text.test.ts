import { describe, expect, it } from 'vitest';
import {
  AddNoteSchema,
  AgentProfileUpdateSchema,
  AppearanceSchema,
  CannedReplyInputSchema,
  InvitationAcceptSchema,
  LabelInputSchema,
  MessageBodySchema,
  RateConversationSchema,
  CsatSettingsPatchSchema,
  TriggerRuleInputSchema,
  VisitorIdentitySchema,
  VisitorProfileUpdateSchema,
  agentCommandSchemas,
  visitorCommandSchemas,
} from './index.ts';
import { hasVisibleText } from './visible-text.ts';

/**
 * Issue 16 item 9: "empty" means no visible character. The field report's examples (zero-width
 * spaces, U+2800, U+2060+U+200C, U+3164, U+00AD) and their siblings, on every text input a person
 * writes and the server accepts.
 */
const INVISIBLE = [
  '\u200B\u200B\u200B', // zero-width spaces
  '\u2800', // Braille pattern blank
  '\u2060\u200C', // word joiner + zero-width non-joiner
  '\u3164', // Hangul filler
  '\u00AD', // soft hyphen
  '\uFFA0\u115F\u1160', // halfwidth Hangul filler, choseong and jungseong fillers
  '\u200D\uFEFF\u180E', // zero-width joiner, BOM, Mongolian vowel separator
  '\u200E\u200F\u202E\u2066', // bidi marks and isolates
  '\uFE0F\u{E0061}\u{E007F}', // a variation selector and tag characters
  ' \u00A0\u3000\t\n', // spaces of every kind
  '\u200B \u2800 \u3164', // mixed
];
const VISIBLE = ['a', 'olá', 'שלום', '退货', '👍', '1️⃣', '\u200Bok\u200B', 'e\u0301', '\uE000' /* private-use icon */, '. '];

describe('hasVisibleText', () => {
  it('is false for text that draws nothing', () => {
    for (const s of INVISIBLE) expect(hasVisibleText(s), JSON.stringify(s)).toBe(false);
  });
  it('is true as soon as one character shows', () => {
    for (const s of VISIBLE) expect(hasVisibleText(s), JSON.stringify(s)).toBe(true);
  });
});

const conversationId = 'c-1';
const clientId = 'k-123456789';
/** Each required text input of the protocol, as a function of the text under test. */
const REQUIRED: Array<[string, (text: string) => { success: boolean }]> = [
  ['message body', (t) => MessageBodySchema.safeParse(t)],
  ['visitor message:send', (t) => visitorCommandSchemas['message:send'].safeParse({ clientId, body: t })],
  ['agent message:send', (t) => agentCommandSchemas['message:send'].safeParse({ conversationId, clientId, body: t })],
  ['internal note', (t) => AddNoteSchema.safeParse({ conversationId, clientId, body: t })],
  ['visitor name (profile)', (t) => VisitorProfileUpdateSchema.safeParse({ name: t })],
  ['visitor name (signed identity)', (t) => VisitorIdentitySchema.safeParse({ id: 'u-1', hash: 'ab', name: t })],
  ['canned reply title', (t) => CannedReplyInputSchema.safeParse({ title: t, shortcut: 'hi', text: 'Hello' })],
  ['canned reply text', (t) => CannedReplyInputSchema.safeParse({ title: 'Hi', shortcut: 'hi', text: t })],
  ['label name', (t) => LabelInputSchema.safeParse({ name: t, color: '#4f46e5' })],
  ['agent display name', (t) => AgentProfileUpdateSchema.safeParse({ name: t })],
  ['name on an accepted invitation', (t) => InvitationAcceptSchema.safeParse({ name: t, password: 'long enough pass' })],
  ['tracked event name', (t) => visitorCommandSchemas['visitor:track'].safeParse({ id: 'e-12345678', name: t, at: 1 })],
  ...(['name', 'message', 'senderName'] as const).map((field): [string, (t: string) => { success: boolean }] => [
    `trigger ${field}`,
    (t) => {
      const rule = { name: 'Help', when: [[{ signal: 'exit_intent' }]], action: { message: 'Need help?', senderName: 'Maya' } };
      if (field === 'name') rule.name = t;
      else rule.action[field] = t;
      return TriggerRuleInputSchema.safeParse(rule);
    },
  ]),
];

describe('every required text input refuses invisible text and accepts visible text', () => {
  for (const [what, parse] of REQUIRED) {
    it(what, () => {
      for (const s of INVISIBLE) expect(parse(s).success, `${what}: ${JSON.stringify(s)}`).toBe(false);
      for (const s of VISIBLE) expect(parse(s).success, `${what}: ${JSON.stringify(s)}`).toBe(true);
    });
  }
});

describe('optional text: nothing visible is no value', () => {
  it('a transfer note of zero-width spaces is no note', () => {
    const parsed = agentCommandSchemas['conversation:transfer'].parse({ conversationId, toDepartmentId: 'd1', note: '\u200B\u2800' });
    expect(parsed.note).toBeUndefined();
    expect(agentCommandSchemas['conversation:transfer'].parse({ conversationId, toDepartmentId: 'd1', note: ' Ask about VAT ' }).note).toBe('Ask about VAT');
  });
  it('a CSAT comment of Hangul fillers is no comment', () => {
    expect(RateConversationSchema.parse({ conversationId, score: 4, comment: '\u3164\u3164' }).comment).toBeNull();
    expect(RateConversationSchema.parse({ conversationId, score: 4, comment: 'Quick!' }).comment).toBe('Quick!');
  });
  it('an invisible greeting or launcher label is the default (empty); an invisible CSAT question is refused', () => {
    const look = AppearanceSchema.parse({ greeting: '\u200B', launcherLabel: '\u2800' });
    expect([look.greeting, look.launcherLabel]).toEqual(['', '']);
    for (const question of ['csatQuestion', 'csatCommentPrompt', 'csatThanks', 'cesQuestion']) {
      expect(CsatSettingsPatchSchema.safeParse({ [question]: '\u00AD\u200B' }).success, question).toBe(false);
      expect(CsatSettingsPatchSchema.safeParse({ [question]: 'How did we do?' }).success, question).toBe(true);
    }
  });
});
