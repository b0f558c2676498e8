import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, TriggerRule, TriggerRuleInput, TriggerStats, WidgetTriggerConfig } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';

let h: Harness;
let ownerA: string;
let agentA: string;
let ownerB: string;
beforeAll(async () => {
  h = await startServer();
  [ownerA, agentA, ownerB] = await Promise.all([h.login(h.siteA.ownerEmail), h.login(h.siteA.agentEmail), h.login(h.siteB.ownerEmail)]);
});
afterAll(async () => {
  await h.close();
});

const rageRule: TriggerRuleInput = {
  name: 'Rage clicks',
  when: [[{ signal: 'rage_click' }]],
  action: { message: 'Stuck? We can help.', senderName: null, openPanel: false },
};
const cartRule: TriggerRuleInput = {
  name: 'Cart abandon',
  when: [[{ signal: 'cart_abandon' }], [{ signal: 'url', match: 'regex', pattern: '^/checkout' }, { signal: 'exit_intent' }]],
  action: { message: 'Need a hand?', senderName: 'Maya', openPanel: false },
  priority: 80,
};

async function request(method: string, path: string, cookie: string | null, body?: unknown, contentType = 'application/json') {
  const res = await fetch(h.url + path, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as any };
}
const rows = async (table: string): Promise<number> => (await h.sqlValue<number>(`select count(*) from ${table}`)) ?? 0;

describe('trigger rules (owner-only CRUD)', () => {
  it('lets the owner create, list, update and delete; fills defaults', async () => {
    const created = await request('POST', `/api/sites/${h.siteA.siteId}/triggers`, ownerA, rageRule);
    expect(created.status).toBe(201);
    const trigger = created.body.trigger as TriggerRule;
    expect(trigger).toMatchObject({ name: 'Rage clicks', enabled: true, delaySeconds: 0, priority: 50, cap: { per: 'visit', cooldownMinutes: 0 } });

    const updated = await request('PUT', `/api/sites/${h.siteA.siteId}/triggers/${trigger.id}`, ownerA, { ...rageRule, enabled: false });
    expect(updated.body.trigger.enabled).toBe(false);
    const list = await request('GET', `/api/sites/${h.siteA.siteId}/triggers`, ownerA);
    expect(list.body.triggers.map((t: TriggerRule) => [t.id, t.enabled])).toEqual([[trigger.id, false]]);

    expect((await request('DELETE', `/api/sites/${h.siteA.siteId}/triggers/${trigger.id}`, ownerA)).status).toBe(204);
    expect((await request('DELETE', `/api/sites/${h.siteA.siteId}/triggers/${trigger.id}`, ownerA)).status).toBe(404);
  });

  it("refuses agents, other sites' owners and strangers, and stores nothing", async () => {
    const before = await rows('triggers');
    const path = `/api/sites/${h.siteA.siteId}/triggers`;
    expect((await request('POST', path, agentA, rageRule)).status).toBe(403);
    expect((await request('GET', path, agentA)).status).toBe(403);
    expect((await request('POST', path, ownerB, rageRule)).status).toBe(404);
    expect((await request('GET', path, null)).status).toBe(401);
    const mine = (await request('POST', `/api/sites/${h.siteB.siteId}/triggers`, ownerB, rageRule)).body.trigger as TriggerRule;
    // Site A's owner cannot reach site B's trigger through site A's path.
    expect((await request('PUT', `/api/sites/${h.siteA.siteId}/triggers/${mine.id}`, ownerA, rageRule)).status).toBe(404);
    expect((await request('DELETE', `/api/sites/${h.siteA.siteId}/triggers/${mine.id}`, ownerA)).status).toBe(404);
    expect(await rows('triggers')).toBe(before + 1);
  });

  it('rejects malformed rules with a clear error: unknown signal, bad regex, negative delay, oversized pattern', async () => {
    const before = await rows('triggers');
    const path = `/api/sites/${h.siteA.siteId}/triggers`;
    const bad: unknown[] = [
      { ...rageRule, when: [[{ signal: 'mind_reading' }]] },
      { ...rageRule, when: [[{ signal: 'url', match: 'regex', pattern: '(unclosed' }]] },
      { ...rageRule, delaySeconds: -5 },
      { ...rageRule, when: [[{ signal: 'url', match: 'regex', pattern: 'a'.repeat(201) }]] },
      { ...rageRule, when: [] },
      { ...rageRule, cap: { per: 'forever' } },
      { ...rageRule, name: '' },
      { ...rageRule, extra: 1 },
    ];
    for (const body of bad) {
      const res = await request('POST', path, ownerA, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_payload');
    }
    const regex = await request('POST', path, ownerA, bad[1]);
    expect(regex.body.error.message).toBe('Group 1, condition 1 › Pattern: not a valid regular expression');
    // The field in the form's words and the valid choices, never "/when/0/0: Invalid input".
    const unknown = await request('POST', path, ownerA, bad[0]);
    expect(unknown.body.error.message).toMatch(/^Group 1, condition 1 › Signal: unknown signal "mind_reading"; choose one of: rage_click \(Rage clicks\), cart_abandon/);
    expect(unknown.body.error.problems).toEqual([expect.objectContaining({ field: 'Group 1, condition 1 › Signal', path: ['when', 0, 0, 'signal'] })]);
    expect((await request('POST', path, ownerA, bad[5])).body.error.message).toBe('Show at most once per: "forever" is not one of: "page", "visit", "visitor"');
    expect((await request('POST', path, ownerA, bad[2])).body.error.message).toBe('Delay (seconds): must be at least 0');
    expect(await rows('triggers')).toBe(before);
  });
});

describe('detector settings (per site, owner-only)', () => {
  it('owners set rage-click thresholds, the ignore selector and the checkout page; the loader receives them', async () => {
    const path = `/api/sites/${h.siteB.siteId}/trigger-settings`;
    expect((await request('GET', path, ownerB)).body.settings).toEqual({
      rage: { clicks: 3, windowMs: 1000, radiusPx: 30, ignoreSelector: '' },
      checkoutIdleSeconds: 60,
      checkoutPattern: 'checkout',
    });
    const settings = { rage: { clicks: 4, windowMs: 1500, radiusPx: 40, ignoreSelector: '.qty-plus' }, checkoutIdleSeconds: 45, checkoutPattern: '^/cart' };
    expect((await request('PUT', path, ownerB, settings)).body.settings).toEqual(settings);
    expect((await request('PUT', path, ownerA, settings)).status).toBe(404);
    expect((await request('PUT', `/api/sites/${h.siteA.siteId}/trigger-settings`, agentA, settings)).status).toBe(403);
    for (const bad of [{ ...settings, checkoutPattern: '([' }, { ...settings, rage: { ...settings.rage, clicks: 1 } }, { ...settings, extra: true }]) {
      expect((await request('PUT', path, ownerB, bad)).status).toBe(400);
    }
    await request('POST', `/api/sites/${h.siteB.siteId}/triggers`, ownerB, rageRule);
    const config = (await request('GET', `/api/widget/config?site=${h.siteB.siteKey}`, null)).body.triggers as WidgetTriggerConfig;
    expect(config).toMatchObject({ rage: settings.rage, checkoutIdleSeconds: 45, checkoutPattern: '^/cart' });
  });
});

describe('widget endpoints', () => {
  let rage: TriggerRule;
  let cart: TriggerRule;
  let otherSite: TriggerRule;
  beforeAll(async () => {
    rage = (await request('POST', `/api/sites/${h.siteA.siteId}/triggers`, ownerA, rageRule)).body.trigger;
    cart = (await request('POST', `/api/sites/${h.siteA.siteId}/triggers`, ownerA, cartRule)).body.trigger;
    await request('POST', `/api/sites/${h.siteA.siteId}/triggers`, ownerA, { ...rageRule, name: 'Off', enabled: false });
    otherSite = (await request('POST', `/api/sites/${h.siteB.siteId}/triggers`, ownerB, cartRule)).body.trigger;
  });

  it('serves the enabled triggers and detector settings to any origin, in the widget config', async () => {
    const res = await request('GET', `/api/widget/config?site=${h.siteA.siteKey}`, null);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const config = res.body.triggers as WidgetTriggerConfig;
    expect(config.triggers.map((t) => t.name).sort()).toEqual(['Cart abandon', 'Rage clicks']);
    expect(config.rage).toEqual({ clicks: 3, windowMs: 1000, radiusPx: 30, ignoreSelector: '' });
    expect(config.siteName).toBe('Site a');
    expect((await request('GET', '/api/widget/config?site=nope', null)).status).toBe(404);
  });

  it('stores beacon batches (text/plain) for the key’s site; refuses forged, oversized and foreign batches whole', async () => {
    const before = await rows('trigger_events');
    const ok = await request(
      'POST',
      '/api/widget/signals',
      null,
      { siteKey: h.siteA.siteKey, visitId: 'visit-aaaa-1', events: [{ type: 'shown', triggerId: cart.id, at: 1000 }, { type: 'engaged', triggerId: cart.id, at: 1500 }] },
      'text/plain;charset=UTF-8',
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ stored: 2 });
    expect(await rows('trigger_events')).toBe(before + 2);

    const refused = [
      // another site's trigger, through this site's key
      { siteKey: h.siteA.siteKey, visitId: 'visit-aaaa-2', events: [{ type: 'shown', triggerId: rage.id, at: 1 }, { type: 'shown', triggerId: otherSite.id, at: 2 }] },
      // a site id in the body is not a field: the site comes from the key only
      { siteKey: h.siteA.siteKey, siteId: h.siteB.siteId, visitId: 'visit-aaaa-2', events: [{ type: 'shown', triggerId: rage.id, at: 1 }] },
      { siteKey: h.siteA.siteKey, visitId: 'visit-aaaa-2', events: Array.from({ length: 51 }, () => ({ type: 'shown', triggerId: rage.id, at: 1 })) },
      { siteKey: h.siteA.siteKey, visitId: 'visit-aaaa-2', events: [] },
      { siteKey: h.siteA.siteKey, visitId: 'visit-aaaa-2', events: [{ type: 'purchase', value: -1, at: 1 }] },
      { siteKey: h.siteA.siteKey, visitId: 'x', events: [{ type: 'shown', triggerId: rage.id, at: 1 }] },
    ];
    for (const body of refused) {
      const res = await request('POST', '/api/widget/signals', null, body, 'text/plain');
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
    }
    expect((await request('POST', '/api/widget/signals', null, '{not json', 'text/plain')).status).toBe(400);
    const huge = { siteKey: h.siteA.siteKey, visitId: 'visit-aaaa-3', events: [{ type: 'shown', triggerId: 'x'.repeat(20_000), at: 1 }] };
    expect((await request('POST', '/api/widget/signals', null, huge, 'text/plain')).status).toBe(413);
    const unknownSite = { siteKey: 'no-such-site', visitId: 'visit-aaaa-4', events: [{ type: 'shown', triggerId: rage.id, at: 1 }] };
    expect((await request('POST', '/api/widget/signals', null, unknownSite, 'text/plain')).status).toBe(404);
    expect(await rows('trigger_events')).toBe(before + 2);
  });

  it('a reply to a prompt starts a conversation the agent sees with its trigger; figures per trigger', async () => {
    const agent = await h.agent(h.siteA.ownerEmail);
    const visitor = await h.visitor(h.siteA.siteKey);
    const context = {
      triggerId: cart.id,
      triggerName: 'whatever the browser says',
      evidence: ['cart €84.00, 3 items, left checkout'],
      timeline: [
        { at: 1, kind: 'page' as const, label: '/shop' },
        { at: 2, kind: 'cart' as const, label: 'cart €84.00, 3 items' },
      ],
    };
    const sent = await ask(visitor.socket, 'message:send', { clientId: 'trigger-msg-1', body: 'Is shipping free?', trigger: context });
    if (!sent.ok) throw new Error(sent.error.message);
    const opened = await ask(agent.socket, 'conversation:open', { conversationId: sent.data.conversation.id });
    if (!opened.ok) throw new Error(opened.error.message);
    const detail: ConversationDetail = opened.data;
    expect(detail.startedBy).toEqual({ ...context, triggerName: 'Cart abandon', prompt: 'Need a hand?' });

    // A prompt of another site is not this conversation's context.
    const stranger = await h.visitor(h.siteA.siteKey);
    const other = await ask(stranger.socket, 'message:send', { clientId: 'trigger-msg-2', body: 'Hi', trigger: { ...context, triggerId: otherSite.id } });
    if (!other.ok) throw new Error(other.error.message);
    const otherDetail = await ask(agent.socket, 'conversation:open', { conversationId: other.data.conversation.id });
    expect(otherDetail.ok && otherDetail.data.startedBy).toBeNull();

    // A malformed context (an evidence line too long) is dropped; the message is not.
    const third = await h.visitor(h.siteA.siteKey);
    const long = await ask(third.socket, 'message:send', { clientId: 'trigger-msg-3', body: 'Hello', trigger: { ...context, evidence: ['x'.repeat(300)] } });
    if (!long.ok) throw new Error(long.error.message);
    const longDetail = await ask(agent.socket, 'conversation:open', { conversationId: long.data.conversation.id });
    expect(longDetail.ok && longDetail.data.startedBy).toBeNull();

    // The visit that saw the cart prompt buys; another visit buys without a prompt.
    const beacon = (visitId: string, events: unknown[]) =>
      request('POST', '/api/widget/signals', null, { siteKey: h.siteA.siteKey, visitId, events }, 'text/plain');
    expect((await beacon('visit-aaaa-1', [{ type: 'purchase', value: 84, currency: 'EUR', at: 2000 }])).status).toBe(200);
    expect((await beacon('visit-bbbb-1', [{ type: 'purchase', value: 50, currency: 'EUR', at: 2000 }])).status).toBe(200);
    expect((await beacon('visit-cccc-1', [{ type: 'shown', triggerId: rage.id, at: 10 }, { type: 'dismissed', triggerId: rage.id, at: 20 }])).status).toBe(200);

    const stats = (await request('GET', `/api/sites/${h.siteA.siteId}/triggers`, ownerA)).body.stats as TriggerStats[];
    expect(stats.find((s) => s.triggerId === cart.id)).toEqual({ triggerId: cart.id, shown: 1, engaged: 1, conversations: 1, conversions: 1, recoveredValue: 84 });
    expect(stats.find((s) => s.triggerId === rage.id)).toEqual({ triggerId: rage.id, shown: 1, engaged: 0, conversations: 0, conversions: 0, recoveredValue: 0 });
  });
});
