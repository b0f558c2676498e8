import { join } from 'node:path';
import { openDatabase } from '@hearth/db';
import { io, type Socket } from 'socket.io-client';
import { deskLogin, scriptedVisitor, type DeskSession } from './desk-support.ts';
import { ownerCall, putRouting } from './hearth-api.ts';

/**
 * A console with something on every page, as an owner sees it after a few weeks: long visitor names
 * and page URLs, labels, canned replies, triggers, open, waiting and rated conversations, and a
 * month of history with quiet days (for the reports). The layout and accessibility e2e tests start
 * from it, so a page is checked with the longest things it shows, not an empty state.
 */
export interface ConsoleFixture {
  session: DeskSession;
  /** An open conversation assigned to the owner, with a long visitor name (a good page to check). */
  openConversationId: string;
  /** A closed, rated conversation with a comment. */
  ratedConversationId: string;
  /** Disconnects the scripted visitors and the owner's helper socket. */
  stop(): void;
}

const DAY = 86_400_000;

async function agentSocket(baseUrl: string, cookie: string): Promise<Socket> {
  const socket = io(`${baseUrl}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function ask<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; data: T; error?: { message: string } };
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error?.message}`);
  return ack.data;
}

/** One scripted visitor with a name, a page view and a first message; returns their conversation. */
async function visitor(baseUrl: string, siteKey: string, profile: { name: string; email: string; url: string; body: string }) {
  const v = await scriptedVisitor(baseUrl, siteKey);
  await ask(v.socket, 'visitor:update', { name: profile.name, email: profile.email });
  await ask(v.socket, 'page:view', { url: profile.url, title: 'Ember & Oak', referrer: 'https://www.google.com/' });
  const conversationId = await v.say(profile.body);
  return { ...v, conversationId };
}

export async function seedConsole(baseUrl: string, dataDir: string): Promise<ConsoleFixture> {
  const session = await deskLogin(baseUrl);
  const site = session.sites[0]!;
  const post = (path: string, body: unknown) => ownerCall(baseUrl, session.cookie, 'POST', path, body);
  // The accept countdown shows on assigned chats, and holds still for the length of a test.
  await putRouting(baseUrl, session.cookie, site.id, { acceptTimeoutSeconds: 3600 });
  await post(`/api/sites/${site.id}/labels`, { name: 'Returns', color: '#0f766e' });
  await post(`/api/sites/${site.id}/labels`, { name: 'Wholesale enquiry', color: '#9333ea' });
  await post(`/api/sites/${site.id}/canned-replies`, {
    scope: 'site',
    title: 'Shipping times to Scandinavia and the rest of Europe',
    shortcut: 'shipping-europe',
    text: 'Hi {{visitor.first_name | there}}! Orders ship within two working days; Scandinavia takes 3–5 days, the rest of Europe 4–7.',
  });
  await post(`/api/sites/${site.id}/canned-replies`, { scope: 'personal', title: 'Thanks', shortcut: 'ty', text: 'Thank you, {{visitor.name | there}}!' });
  await post(`/api/sites/${site.id}/triggers`, {
    name: 'Rage clicks on checkout',
    when: [[{ signal: 'rage_click' }, { signal: 'url', match: 'glob', pattern: '/checkout*' }]],
    action: { message: 'Having trouble paying? We can help right here.', senderName: null, openPanel: false },
  });
  await post(`/api/sites/${site.id}/triggers`, {
    name: 'Cart abandon over €50',
    when: [[{ signal: 'cart_abandon' }, { signal: 'cart_value', min: 50 }]],
    action: { message: 'Your cart is saved. Anything we can answer before you go?', senderName: 'Ann from Ember & Oak', openPanel: false },
    priority: 80,
  });

  // The owner's helper socket: online, so visitors' chats are assigned and can be answered.
  const owner = await agentSocket(baseUrl, session.cookie);
  const visitors: Array<{ socket: Socket }> = [];
  const rated = await visitor(baseUrl, site.key, {
    name: 'Bartholomew Featherstonehaugh-Montgomery',
    email: 'bartholomew.featherstonehaugh@very-long-company-name.example',
    url: 'http://shop.example/collections/hand-poured-candles/cedar-and-smoked-vanilla-large-jar?variant=3&utm_source=newsletter',
    body: 'Do you ship to Tromsø?',
  });
  visitors.push(rated);
  await ask(owner, 'message:send', { conversationId: rated.conversationId, clientId: crypto.randomUUID(), body: 'Yes, in 3–5 days.' });
  await ask(owner, 'conversation:close', { conversationId: rated.conversationId });
  await ask(rated.socket, 'csat:rate', { conversationId: rated.conversationId, score: 4, ces: 2, comment: 'Quick and friendly, thanks!' });

  const open = await visitor(baseUrl, site.key, {
    name: 'Olive Offlinson-Whitcombe',
    email: 'olive.offlinson@example.com',
    url: 'http://shop.example/checkout/payment-details-and-shipping-address',
    body: 'My card was declined twice at checkout — can you see what went wrong? I would like the order to arrive before the weekend.',
  });
  visitors.push(open);
  for (const [i, profile] of [
    ['Maximilian Alexander von Habsburg-Lothringen', '/collections/soap'],
    ['Zoë Ødegård', '/pricing'],
    ['Kim', '/'],
  ].entries()) {
    visitors.push(
      await visitor(baseUrl, site.key, {
        name: profile[0]!,
        email: `visitor${i}@example.com`,
        url: `http://shop.example${profile[1]}`,
        body: i === 0 ? 'Hello, I would like to order forty candles for a wedding in June. Do you offer a wholesale price?' : 'Hi!',
      }),
    );
  }

  // A month of history with quiet days: move the closed conversation and three copies of it back in time.
  const db = openDatabase(join(dataDir, 'hearth.db'));
  try {
    const now = Date.now();
    db.sqlite.prepare('update conversations set created_at = ?, closed_at = ? where id = ?').run(now - 20 * DAY, now - 20 * DAY + 600_000, rated.conversationId);
  } finally {
    db.close();
  }
  return {
    session,
    openConversationId: open.conversationId,
    ratedConversationId: rated.conversationId,
    stop() {
      for (const v of visitors) v.socket.disconnect();
      owner.disconnect();
    },
  };
}
