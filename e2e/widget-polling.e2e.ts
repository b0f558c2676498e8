import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import { useHearthAndChromium } from './server-process.ts';
import { connectAgent, conversationOf } from './widget-helpers.ts';

const suite = useHearthAndChromium();

/**
 * A corporate proxy that passes plain HTTP but refuses WebSocket upgrades, in front of Hearth. It
 * also serves a shop page that embeds the widget through it, so the frame talks to Hearth only
 * through the proxy.
 */
let proxy: Server;
let proxyUrl: string;
const seen = { upgrades: 0, polls: 0 };

beforeAll(async () => {
  const target = new URL(suite.hearth.url);
  proxy = createServer((req, res) => {
    if (req.url === '/shop') {
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><title>Shop behind a proxy</title><h1>Shop</h1><script async src="${proxyUrl}/widget.js" data-site="demo"></script>`);
    }
    if (req.url?.includes('transport=polling')) seen.polls++;
    const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('upgrade', (_req, socket) => {
    seen.upgrades++;
    socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  proxyUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((r) => proxy?.close(r));
});

describe('behind a proxy that blocks WebSockets', () => {
  it('the widget tries WebSocket first, falls back to long-polling, and chats both ways', async () => {
    const agent = await connectAgent(suite.hearth.url);
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${proxyUrl}/shop`);
      await page.getByRole('button', { name: /chat/i }).click();
      const panel = page.frameLocator('iframe[title="Hearth chat"]');
      await panel.getByText('We typically reply in a few minutes').waitFor();
      const box = panel.getByRole('textbox', { name: 'Message' });
      await box.fill('Sent over long-polling');
      await box.press('Enter');
      await panel.getByRole('log').getByText('Sent over long-polling').waitFor();

      const conversationId = await conversationOf(suite.hearth.dataDir, 'Sent over long-polling');
      await agent.say(conversationId, 'Received over long-polling');
      await panel.getByRole('log').getByText('Received over long-polling').waitFor();
      expect(seen.upgrades).toBeGreaterThan(0);
      expect(seen.polls).toBeGreaterThan(0);
    } finally {
      agent.disconnect();
      await context.close();
    }
  });
});
