import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@hearth/db';
import type { WidgetSessionResponse } from '@hearth/protocol';
import { commandReceived } from '../src/observability/command-channel.ts';
import { shutdown } from '../src/lifecycle/shutdown.ts';
import { ask, sleep, startServer, type Harness } from './harness.ts';
import { FaultProxy } from './faults/fault-proxy.ts';
import { VisitorParticipant } from './faults/participants.ts';
import { startServerProcess } from './faults/server-child.ts';

/**
 * Graceful shutdown: a message sent while the server stops is either acked and stored, or not acked
 * and resent by the client to the next server (same client id, stored once) — never acked and lost.
 */
describe('graceful shutdown', () => {
  const dirs: string[] = [];
  const servers: Harness[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-shutdown-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const h of servers.splice(0)) await h.close().catch(() => {});
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the command in flight and acks it, drops the next one unanswered, and the client resends it to the restarted server', async () => {
    const file = join(tempDir(), 'hearth.db');
    const h = await startServer({ databaseFile: file });
    servers.push(h);
    const { socket, session } = await h.visitor();
    const inFlight = randomUUID();
    const afterDrain = randomUUID();

    // Start the shutdown at the moment the server has received the first send (it is now awaiting its commit).
    let stopping: ReturnType<typeof shutdown> | null = null;
    const onReceived = () => {
      stopping ??= shutdown(h.app, { timeoutMs: 5_000 });
    };
    subscribe(commandReceived.name, onReceived);
    const first = ask(socket, 'message:send', { clientId: inFlight, body: 'sent as the server stops' });
    while (!stopping) await sleep(1);
    unsubscribe(commandReceived.name, onReceived);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const second = ask(socket, 'message:send', { clientId: afterDrain, body: 'sent while it drains' });

    const ack = await first;
    expect(ack.ok).toBe(true);
    // Closed at the transport: socket.io clients reconnect by themselves after this reason.
    expect(await disconnected).toBe('transport close');
    await expect(second).rejects.toThrow();
    const result = await (stopping as unknown as ReturnType<typeof shutdown>);
    expect(result).toMatchObject({ forced: false, abandoned: 0 });
    expect(result.durationMs).toBeLessThan(5_000);

    // The next server, on the same database: the first send is stored once, the second not at all …
    const next = await startServer({ databaseFile: file });
    servers.push(next);
    const count = async (clientId: string) => Number(await next.sqlValue('select count(*) from messages where client_id = ?', [clientId]));
    expect([await count(inFlight), await count(afterDrain)]).toEqual([1, 0]);
    // … until the client resends what it has not seen acked (and, harmlessly, the acked one).
    const again = await next.visitor(next.siteA.siteKey, session.token);
    const resent = await ask(again.socket, 'message:send', { clientId: afterDrain, body: 'sent while it drains' });
    const repeat = await ask(again.socket, 'message:send', { clientId: inFlight, body: 'sent as the server stops' });
    expect(resent.ok && repeat.ok).toBe(true);
    if (ack.ok && repeat.ok) expect(repeat.data.message.id).toBe(ack.data.message.id);
    expect([await count(inFlight), await count(afterDrain)]).toEqual([1, 1]);
    expect(await next.count('messages')).toBe(2);
  });

  it('stays within its deadline when a client stops reading: the stalled connection is cut, the others closed cleanly', async () => {
    // Backpressure (security/backpressure.ts) would cut the stalled client before the shutdown: off here.
    const h = await startServer({ env: { SOCKET_SEND_BUFFER_BYTES: String(1024 * 1024 * 1024) } });
    servers.push(h);
    const stalled = await h.visitor();
    const healthy = await h.visitor();
    // Stop reading on one client's TCP socket, then fill its send buffer from the server.
    const transport = stalled.socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } };
    transport.ws._socket.pause();
    const big = 'x'.repeat(512 * 1024);
    const room = h.app.visitorNsp.to(`visitor:${stalled.session.visitorId}`) as unknown as { emit(event: string, payload: string): void };
    for (let i = 0; i < 40; i++) room.emit('bulk', big);
    await sleep(50);
    const healthyClosed = new Promise<string>((resolve) => healthy.socket.once('disconnect', resolve));

    const result = await shutdown(h.app, { timeoutMs: 800 });
    expect(result.forced).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(800);
    expect(result.durationMs).toBeLessThan(3_500);
    expect(await healthyClosed).toBe('transport close');
    expect(h.app.server.listening).toBe(false);
    await sleep(10);
    expect(h.app.lifecycle.connections().size).toBe(0);
  });

  it('the real process on SIGTERM: exits 0 within its deadline; every acked message is stored once and every sent one after the restart', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    // Limits up: the point is the stream of sends in flight at the signal, not the per-socket budget.
    const env = {
      SHUTDOWN_TIMEOUT_MS: '3000',
      SOCKET_EVENTS_PER_MIN: '1000000',
      SOCKET_EVENTS_BURST: '100000',
      CLIENT_EVENTS_PER_MIN: '1000000',
      CLIENT_EVENTS_BURST: '100000',
      IP_EVENTS_PER_MIN: '1000000',
      IP_EVENTS_BURST: '100000',
    };
    let server = await startServerProcess(dataDir, env);
    // A stable address across the restart, as a load balancer gives.
    const proxy = new FaultProxy(server.port);
    const url = `http://127.0.0.1:${await proxy.listen()}`;
    const visitors: VisitorParticipant[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${url}/api/widget/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ siteKey: server.siteKey, token: null }),
        });
        const session = (await res.json()) as WidgetSessionResponse;
        visitors.push(new VisitorParticipant(i, url, session.token, session.visitorId));
      }
      for (const v of visitors) v.start();
      let sending = true;
      let sent = 0;
      const typing = (async () => {
        while (sending) {
          for (const v of visitors) v.send();
          sent += visitors.length;
          await sleep(10);
        }
      })();
      await sleep(400);
      const ackedBefore = visitors.reduce((n, v) => n + v.acked.size, 0);
      const signalled = performance.now();
      await server.stop();
      const stopMs = performance.now() - signalled;
      const ackedDuringDrain = visitors.reduce((n, v) => n + v.acked.size, 0) - ackedBefore;
      expect(server.child.exitCode).toBe(0);
      expect(stopMs).toBeLessThan(3_000 + 1_000);

      // Visitors keep typing into their outboxes while the server is down, then it comes back.
      await sleep(200);
      server = await startServerProcess(dataDir, env);
      proxy.targetPort = server.port;
      await sleep(200);
      sending = false;
      await typing;
      for (let i = 0; i < 300 && visitors.some((v) => v.pending() > 0); i++) await sleep(50);
      expect(visitors.map((v) => v.pending())).toEqual([0, 0, 0]);

      const db = openDatabase(join(dataDir, 'hearth.db'));
      try {
        const counts = new Map(
          (
            db.sqlite.prepare('select client_id as clientId, count(*) as n from messages group by client_id').all() as Array<{ clientId: string; n: number }>
          ).map((r) => [r.clientId, r.n]),
        );
        const acked = visitors.flatMap((v) => [...v.acked]);
        expect(acked).toHaveLength(sent);
        expect(acked.filter((id) => counts.get(id) !== 1)).toEqual([]);
        expect(counts.size).toBe(sent);
      } finally {
        db.close();
      }
      console.log(`[shutdown] ${sent} sent, SIGTERM to exit ${Math.round(stopMs)} ms, ${ackedDuringDrain} acks arrived after the signal`);
    } finally {
      for (const v of visitors) v.stop();
      await server.stop();
      await proxy.close();
    }
  });
});
