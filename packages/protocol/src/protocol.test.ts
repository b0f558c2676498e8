import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type agentCommandSchemas,
  visitorCommandSchemas,
  ConversationIdSchema,
  SiteIdSchema,
  type Ack,
  type AgentClientToServerEvents,
  type ConversationId,
  type Message,
  type SiteId,
  type VisitorClientToServerEvents,
} from './index.ts';

describe('protocol', () => {
  it('has a schema for every client command and a typed handler signature for every schema', () => {
    expectTypeOf<keyof typeof visitorCommandSchemas>().toEqualTypeOf<keyof VisitorClientToServerEvents>();
    expectTypeOf<keyof typeof agentCommandSchemas>().toEqualTypeOf<keyof AgentClientToServerEvents>();
    expect(Object.keys(visitorCommandSchemas).sort()).toEqual(
      ['conversation:end', 'conversation:sync', 'csat:rate', 'message:send', 'messages:read', 'page:view', 'transcript:get', 'typing:set', 'visitor:track', 'visitor:update'],
    );
  });

  it('brands ids so they cannot be swapped', () => {
    expectTypeOf<ConversationId>().not.toEqualTypeOf<SiteId>();
    expectTypeOf(SiteIdSchema.parse('abc')).toEqualTypeOf<SiteId>();
    expect(ConversationIdSchema.safeParse('../etc').success).toBe(false);
  });

  it('acks are a discriminated union', () => {
    const ack = { ok: true, data: { message: null } } as Ack<{ message: Message | null }>;
    if (ack.ok) expectTypeOf(ack.data.message).toEqualTypeOf<Message | null>();
    else expectTypeOf(ack.error.code).toBeString();
  });

  it('message:send rejects empty, oversized, unknown-key and malformed payloads', () => {
    const send = visitorCommandSchemas['message:send'];
    expect(send.safeParse({ clientId: 'abcdefgh', body: 'hi' }).success).toBe(true);
    for (const bad of [
      { clientId: 'abcdefgh', body: '  \n ' },
      { clientId: 'abcdefgh', body: 'x'.repeat(5001) },
      { clientId: 'abc', body: 'hi' },
      { clientId: 'abcdefgh', body: 'hi', conversationId: 'forged' },
      { clientId: 'abcdefgh', body: { toString: 'hi' } },
    ]) {
      expect(send.safeParse(bad).success).toBe(false);
    }
  });

  it('page views only accept real URLs', () => {
    const page = visitorCommandSchemas['page:view'];
    expect(page.safeParse({ url: 'https://shop.test/a?b=1', title: 'A', referrer: null }).success).toBe(true);
    expect(page.safeParse({ url: 'not a url', title: 'A', referrer: null }).success).toBe(false);
  });
});
