import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask, startServer, type Harness } from './harness.ts';

/**
 * Issue 16 item 10: every CSV Hearth writes starts with a UTF-8 byte-order mark, so a spreadsheet
 * (Excel) reads "Иван Петров" and "München" as UTF-8 rather than the system's code page.
 */
let h: Harness;
beforeEach(async () => {
  h = await startServer();
});
afterEach(async () => {
  await h.close();
});

const BOM = [0xef, 0xbb, 0xbf];

/** The raw bytes: fetch's text() would strip a leading BOM and hide whether it was there. */
async function bytes(path: string, cookie: string): Promise<{ type: string; raw: Uint8Array }> {
  const res = await fetch(h.url + path, { headers: { cookie } });
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type') ?? '', raw: new Uint8Array(await res.arrayBuffer()) };
}

describe('CSV exports start with the UTF-8 BOM', () => {
  it('transcript search and reports, with Cyrillic and umlauts intact after it', async () => {
    const agent = await h.agent();
    const v = await h.visitor();
    await ask(v.socket, 'visitor:update', { name: 'Иван Петров' });
    const sent = await ask(v.socket, 'message:send', { clientId: crypto.randomUUID(), body: 'Lieferung nach München?' });
    if (!sent.ok) throw new Error('send failed');
    await ask(agent.socket, 'message:send', { conversationId: sent.data.conversation.id, clientId: crypto.randomUUID(), body: 'Ja, gerne.' });
    const owner = await h.login(h.siteA.ownerEmail);

    const exports = [
      await bytes('/api/transcripts/search?q=M%C3%BCnchen&format=csv', owner),
      await bytes(`/api/reports?from=0&to=${Date.now() + 60_000}&format=csv`, owner),
    ];
    for (const { type, raw } of exports) {
      expect(type).toContain('text/csv');
      expect([...raw.slice(0, 3)]).toEqual(BOM);
      // Exactly one BOM, then the header's first quote.
      expect(String.fromCharCode(raw[3]!)).toBe('"');
    }
    const transcript = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exports[0]!.raw);
    expect(transcript.startsWith('\uFEFF"conversation_id"')).toBe(true);
    expect(transcript).toContain('"Иван Петров"');
    expect(transcript).toContain('München');
  });
});
