import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import WebSocket from 'ws';
import { VISITOR_NAMESPACE } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';
import { dbFingerprint } from './db-fingerprint.ts';

/**
 * Raw Engine.IO / Socket.IO frames over a bare WebSocket: what a crafted client sends, below
 * anything socket.io-client would produce. Crafted packets have crashed socket.io, engine.io and
 * socket.io-parser servers before; here each frame is followed by a probe command whose ack
 * proves the frame was processed (frames are handled in order), or the socket is closed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60) * 4;
const PROBE_ID = 987654;

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

interface RawConnection {
  ws: WebSocket;
  frames: string[];
  closed: Promise<void>;
  isClosed(): boolean;
}

/** Opens a WebSocket, answers the Engine.IO handshake and joins the visitor namespace. */
async function openVisitor(token: string): Promise<RawConnection> {
  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const frames: string[] = [];
  let closed = false;
  const closedP = new Promise<void>((resolve) => ws.on('close', () => ((closed = true), resolve())));
  ws.on('error', () => {});
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    const text = data.toString();
    if (text === '2') ws.send('3'); // Engine.IO ping -> pong
    frames.push(text);
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(`40${VISITOR_NAMESPACE},${JSON.stringify({ token })}`);
  await new Promise<void>((resolve) => {
    const check = () => (frames.some((f) => f.startsWith(`40${VISITOR_NAMESPACE},`)) ? resolve() : waiters.push(check));
    check();
  });
  return { ws, frames, closed: closedP, isClosed: () => closed };
}

/** Sends a valid command with a known ack id; resolves true on its ack, false if the socket closed first. */
function probe(conn: RawConnection): Promise<boolean> {
  if (conn.isClosed()) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      if (data.toString().startsWith(`43${VISITOR_NAMESPACE},${PROBE_ID}[`)) done(true);
    };
    const done = (v: boolean) => {
      conn.ws.off('message', onMessage);
      resolve(v);
    };
    conn.ws.on('message', onMessage);
    void conn.closed.then(() => done(false));
    conn.ws.send(`42${VISITOR_NAMESPACE},${PROBE_ID}["typing:set",{"isTyping":false}]`);
  });
}

const nsp = VISITOR_NAMESPACE;
const json = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 50 }));
const frame = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
  // Socket.IO packets with random types, namespaces, ack ids and bodies.
  fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom(nsp, '/agent', '/', '/x', ''), fc.option(fc.nat()), json).map(
    ([eio, sio, ns, id, body]) => `${eio}${sio}${ns}${ns ? ',' : ''}${id ?? ''}${body}`,
  ),
  // Events with numeric, reserved or object names, with and without ack ids.
  fc.tuple(fc.constantFrom<unknown>(123, 0, -1, null, true, {}, [], 'connect', 'disconnect', 'disconnecting', 'error', 'newListener', '__proto__', 'constructor', 'message:send'), fc.nat(1000), json).map(
    ([name, id, body]) => `42${nsp},${id}[${JSON.stringify(name)},${body}]`,
  ),
  // Binary placeholders that never get their attachments, or lie about their count.
  fc.tuple(fc.integer({ min: -1, max: 1000 }), fc.integer({ min: -1, max: 1000 })).map(
    ([count, num]) => `45${count}-${nsp},7["message:send",{"_placeholder":true,"num":${num}}]`,
  ),
  fc.constantFrom(
    '', '4', '42', `42${nsp}`, `42${nsp},`, `42${nsp},[`, `42${nsp},["message:send"`, `42${nsp},99999999999999999999["x"]`,
    `42${nsp},1${'['.repeat(5000)}`, `42${nsp},1[${'['.repeat(20_000)}${']'.repeat(20_000)}]`,
    `41${nsp},`, `44${nsp},{}`, `43${nsp},1[]`, '5', '6', '1', '3', '2probe', 'b' + 'A'.repeat(100),
  ),
);

describe('raw frame fuzzing', () => {
  it('malformed Engine.IO / Socket.IO frames get an error ack, are dropped or close that socket; nothing is written', async () => {
    const session = await h.visitorSession(h.siteA.siteKey);
    const before = await dbFingerprint(h);
    const outcome = { frames: 0, errorAcks: 0, okAcks: 0, closed: 0, droppedAndAlive: 0 };
    let conn = await openVisitor(session.token);
    await fc.assert(
      fc.asyncProperty(frame, async (f) => {
        if (conn.isClosed()) conn = await openVisitor(session.token);
        const seen = conn.frames.length;
        outcome.frames++;
        conn.ws.send(f);
        process.env.FRAME_DEBUG && console.log('FRAME', JSON.stringify(f).slice(0, 200));
        // "41/visitor" is the client leaving the namespace: a disconnect by definition, after
        // which the server (rightly) ignores that namespace's packets, probe included.
        if (f.startsWith(`41${nsp}`)) {
          conn.ws.close();
          await conn.closed;
          outcome.closed++;
          return;
        }
        const alive = await probe(conn);
        const acks = conn.frames.slice(seen).filter((x) => x.startsWith(`43${nsp},`) && !x.startsWith(`43${nsp},${PROBE_ID}[`));
        for (const ack of acks) {
          if (ack.includes('"ok":true')) outcome.okAcks++;
          else outcome.errorAcks++;
        }
        if (!alive) outcome.closed++;
        else if (acks.length === 0) outcome.droppedAndAlive++;
      }),
      { numRuns: RUNS },
    );
    // Raw binary WebSocket frames and one over the size limit.
    for (const bytes of [Buffer.from([0, 1, 2, 255]), Buffer.alloc(200_000, 0x34)]) {
      if (conn.isClosed()) conn = await openVisitor(session.token);
      outcome.frames++;
      conn.ws.send(bytes);
      if (!(await probe(conn))) outcome.closed++;
      else outcome.droppedAndAlive++;
    }
    conn.ws.close();
    console.info(`[fuzz:frames] ${JSON.stringify(outcome)} crashes: 0`);
    // Every frame was refused one way or another; none slipped through as a successful command.
    expect(outcome.okAcks).toBe(0);
    expect(outcome.errorAcks + outcome.closed + outcome.droppedAndAlive).toBe(outcome.frames);
    expect(await dbFingerprint(h)).toBe(before);
    // The process is up and serving.
    const v = await h.visitor();
    expect((await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'after the storm' })).ok).toBe(true);
  }, 120_000);
});
