import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agentCommandSchemas, visitorCommandSchemas } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';
import { dbFingerprint } from './db-fingerprint.ts';

/**
 * Property-based fuzzing of every socket command in both namespaces, enumerated from the
 * protocol's schema maps (commands added later are covered without touching this file).
 * FUZZ_RUNS raises the number of inputs per command (README, "Trust suites").
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

type Schema = { safeParse(v: unknown): { success: boolean }; shape?: Record<string, unknown> };
type RawSocket = { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> }; connected: boolean };

const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom('', ' ', '\u0000', '__proto__', '{"$regex":".*"}', "' OR 1=1 --", '<img src=x onerror=alert(1)>', 'x'.repeat(20_000)),
  fc.constantFrom(-1, 1.5, Number.MAX_SAFE_INTEGER + 2, -0, 1e308, Number.NaN),
  fc.constantFrom({ $ne: null }, { $regex: '.*' }, [], [[]], { toString: 'x' }),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
);

/** Payloads shaped like the command (its keys) with hostile values, plus anything at all. */
function payloadFor(schema: Schema) {
  const keys = Object.keys(schema.shape ?? {});
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
    : fc.dictionary(fc.string({ maxLength: 8 }), hostileValue);
  const extraKey = shaped.map((o) => ({ ...o, ['injected' + String(keys.length)]: true }));
  return fc.oneof(shaped, extraKey, hostileValue, fc.anything());
}

const fuzzTotals = { inputs: 0, validSkipped: 0 };

async function fuzzNamespace(socket: RawSocket, schemas: Record<string, Schema>) {
  const before = await dbFingerprint(h);
  for (const [event, schema] of Object.entries(schemas)) {
    await fc.assert(
      fc.asyncProperty(payloadFor(schema), async (payload) => {
        if (schema.safeParse(payload).success) {
          fuzzTotals.validSkipped++;
          return;
        }
        fuzzTotals.inputs++;
        const ack = await socket.timeout(5000).emitWithAck(event, payload);
        expect(ack, event).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      }),
      { numRuns: RUNS },
    );
  }
  // Random event names (not reserved ones, which the client itself refuses to send).
  await fc.assert(
    fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.anything({ maxDepth: 2 }), async (name, payload) => {
      fc.pre(!Object.hasOwn(schemas, name) && !['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(name));
      fuzzTotals.inputs++;
      const ack = await socket.timeout(5000).emitWithAck(name, payload);
      expect(ack, name).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }),
    { numRuns: RUNS },
  );
  expect(socket.connected).toBe(true);
  expect(await dbFingerprint(h)).toBe(before);
}

describe('socket fuzzing', () => {
  it('every visitor command refuses every invalid payload with invalid_payload and writes nothing', async () => {
    const v = await h.visitor();
    await fuzzNamespace(v.socket as unknown as RawSocket, visitorCommandSchemas as unknown as Record<string, Schema>);
    const ok = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'still here' });
    expect(ok.ok).toBe(true);
  });

  it('every agent command refuses every invalid payload with invalid_payload and writes nothing', async () => {
    const a = await h.agent(h.siteA.ownerEmail);
    await fuzzNamespace(a.socket as unknown as RawSocket, agentCommandSchemas as unknown as Record<string, Schema>);
    const inbox = await ask(a.socket, 'inbox:list', {});
    expect(inbox.ok).toBe(true);
  });

  it('binary attachments anywhere in a payload are refused', async () => {
    const v = await h.visitor();
    const raw = v.socket as unknown as RawSocket;
    const before = await dbFingerprint(h);
    for (const event of Object.keys(visitorCommandSchemas)) {
      for (const payload of [Buffer.alloc(10), { clientId: Buffer.from('abcdefghij'), body: 'x' }, { clientId: 'abcdefghij', body: Buffer.from('hi') }]) {
        fuzzTotals.inputs++;
        expect(await raw.timeout(5000).emitWithAck(event, payload)).toMatchObject({ ok: false });
      }
    }
    expect(await dbFingerprint(h)).toBe(before);
  });

  afterAll(() => {
    console.info(`[fuzz:sockets] ${JSON.stringify(fuzzTotals)} crashes: 0`);
  });
});
