/**
 * Child process: many idle visitor connections. Tens of thousands of socket.io-clients would
 * measure the client library, so each visitor is a bare WebSocket speaking the Engine.IO v4 /
 * Socket.IO v5 wire format: it connects to the visitor namespace with its token (exactly what
 * the widget's handshake carries), answers pings, and otherwise stays silent.
 */
import WebSocket from 'ws';
import { VISITOR_NAMESPACE } from '@hearth/protocol';

const sockets: WebSocket[] = [];

/** Resolves true once the namespace accepted the token, false on refusal or error. */
function openVisitor(url: string, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    sockets.push(ws);
    let settled = false;
    const settle = (ok: boolean) => {
      if (!settled) {
        settled = true;
        resolve(ok);
      }
    };
    ws.on('message', (data) => {
      const packet = data.toString();
      if (packet === '2') ws.send('3'); // ping → pong: stay connected while idle
      else if (packet.startsWith('0{')) ws.send(`40${VISITOR_NAMESPACE},${JSON.stringify({ token })}`);
      else if (packet.startsWith(`40${VISITOR_NAMESPACE},`)) settle(true);
      else if (packet.startsWith(`44${VISITOR_NAMESPACE},`)) settle(false);
    });
    ws.on('error', () => settle(false));
    ws.on('close', () => settle(false));
  });
}

async function openAll(url: string, tokens: string[], width: number) {
  let next = 0;
  let opened = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(width, tokens.length) }, async () => {
      while (next < tokens.length) if (await openVisitor(url, tokens[next++]!)) opened++;
    }),
  );
  const ms = performance.now() - t0;
  const stillOpen = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  return { opened, failed: tokens.length - opened, stillOpen, ms };
}

process.on('message', (message: { type: string; url: string; tokens: string[]; width: number }) => {
  if (message.type === 'open') {
    void openAll(message.url, message.tokens, message.width).then((result) => process.send!({ type: 'open', ...result }));
  } else if (message.type === 'count') {
    process.send!({ type: 'count', stillOpen: sockets.filter((s) => s.readyState === WebSocket.OPEN).length });
  }
});
process.once('SIGTERM', () => {
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
process.send!({ type: 'started' });
