import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, FileLinksResponse, SiteId } from '@hearth/protocol';
import { ask, startServer, type Harness } from './harness.ts';
import { testEngine } from './test-db.ts';
import { HTML_PAGE, SVG_WITH_SCRIPT, hugePngHeader, jpeg, pdf, pngWithGps, polyglotGif, zipBomb } from './file-fixtures.ts';

let h: Harness;
let dataDir: string;
let token: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hearth-files-'));
  h = await startServer({ env: { DATA_DIR: dataDir, FILES_STORE, FILES_GRACE_SECONDS: '1', FILES_LINK_TTL_SECONDS: '60' } });
  token = (await h.visitorSession(h.siteA.siteKey)).token;
});
afterAll(async () => {
  await h.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Auth = { token: string } | { cookie: string };
async function upload(auth: Auth, bytes: Buffer, name: string, type = '', query = '') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], type ? { type } : {}), name);
  const headers: Record<string, string> = 'token' in auth ? { authorization: `Bearer ${auth.token}` } : { cookie: auth.cookie };
  const res = await fetch(`${h.url}/api/files${query}`, { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as { file: Attachment } & { error?: { code: string; message: string } } };
}
async function links(auth: Auth, ids: string[]): Promise<FileLinksResponse['links']> {
  const headers: Record<string, string> = 'token' in auth ? { authorization: `Bearer ${auth.token}` } : { cookie: auth.cookie };
  const res = await fetch(`${h.url}/api/files/links`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ ids }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as FileLinksResponse).links;
}
const fileRows = async () => Number(await h.sqlValue('select count(*) from files'));
/** Every blob the store holds (temporary ones too), whichever store the engine uses. */
const blobFiles = async () => (await h.app.fileBlobs.list('', 10_000)).map((b) => b.key);
/** The dir store on SQLite, the database store on PostgreSQL: each engine's default. */
const FILES_STORE = testEngine === 'pg' ? 'database' : 'dir';

/** A refusal: the status and code, no row written, no bytes left on disk, the server still answering. */
async function expectRefused(result: Awaited<ReturnType<typeof upload>>, status: number, code: string) {
  expect(result.body.error?.code).toBe(code);
  expect(result.status).toBe(status);
  expect(result.body.error?.message.length).toBeGreaterThan(5);
}

describe('uploads', () => {
  it('stores an image re-encoded without its metadata, with a thumbnail, served inline to its visitor', async () => {
    const original = await pngWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { status, body } = await upload({ token }, original, 'holiday.png', 'image/png');
    expect(status).toBe(201);
    expect(body.file).toMatchObject({ name: 'holiday.png', mime: 'image/png', kind: 'image', width: 64, height: 48 });
    const [link] = await links({ token }, [body.file.id]);
    const res = await fetch(h.url + link!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="holiday.png"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const served = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([64, 48, undefined]);
    expect(served.includes(Buffer.from('SecretCam'))).toBe(false);
    const thumb = await fetch(h.url + link!.thumbnailUrl!);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).format).toBe('webp');
  });

  it('serves a PDF only as a download, with its bytes unchanged', async () => {
    const bytes = pdf();
    const { status, body } = await upload({ token }, bytes, 'Invoice 2026.pdf', 'application/pdf');
    expect(status).toBe(201);
    expect(body.file).toMatchObject({ kind: 'pdf', mime: 'application/pdf', size: bytes.length, width: null });
    const [link] = await links({ token }, [body.file.id]);
    expect(link!.thumbnailUrl).toBeNull();
    const res = await fetch(h.url + link!.url);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Invoice 2026.pdf"; filename*=UTF-8''Invoice%202026.pdf`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('cleans names: 1,000 characters, ../ and U+202E', async () => {
    const long = await upload({ token }, Buffer.from('notes'), `${'n'.repeat(1000)}.txt`, 'text/plain');
    expect(long.status).toBe(201);
    expect(long.body.file.name).toHaveLength(120);
    expect(long.body.file.name.endsWith('.txt')).toBe(true);
    const traversal = await upload({ token }, Buffer.from('notes'), '../../../etc/passwd.txt', 'text/plain');
    expect(traversal.body.file.name).toBe('passwd.txt');
    const bidi = await upload({ token }, Buffer.from('notes'), 'report\u202Etxt.exe.txt', 'text/plain');
    expect(bidi.body.file.name).toBe('reporttxt.exe.txt');
    const [link] = await links({ token }, [bidi.body.file.id]);
    const res = await fetch(h.url + link!.url);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="reporttxt.exe.txt"; filename*=UTF-8''reporttxt.exe.txt`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    // A pasted screenshot often has no useful name: the type's extension is added.
    const pasted = await upload({ token }, await jpeg(), 'image', 'image/jpeg');
    expect(pasted.body.file.name).toBe('image.jpg');
  });
});

describe('bad input: a clear error, nothing stored, nothing crashed', () => {
  let before: { rows: number; blobs: number };
  const snapshot = async () => ({ rows: await fileRows(), blobs: (await blobFiles()).length });
  const expectNothingStored = async () => {
    expect(await snapshot()).toEqual(before);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  };

  it('zero bytes', async () => {
    before = await snapshot();
    await expectRefused(await upload({ token }, Buffer.alloc(0), 'empty.txt', 'text/plain'), 400, 'file_empty');
    await expectNothingStored();
  });

  it('one byte over the site’s limit (and exactly the limit passes)', async () => {
    await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { files: { maxBytes: 2048, perMessage: 5, kinds: { image: true, pdf: true, text: true, office: true, archive: false } } }));
    try {
      before = await snapshot();
      await expectRefused(await upload({ token }, Buffer.alloc(2049, 'a'), 'big.txt', 'text/plain'), 413, 'file_too_large');
      await expectNothingStored();
      expect((await upload({ token }, Buffer.alloc(2048, 'a'), 'fits.txt', 'text/plain')).status).toBe(201);
    } finally {
      await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { files: { maxBytes: 10 * 1024 * 1024, perMessage: 5, kinds: { image: true, pdf: true, text: true, office: true, archive: false } } }));
    }
  });

  it('a PNG named .pdf', async () => {
    before = await snapshot();
    await expectRefused(await upload({ token }, await pngWithGps(), 'contract.pdf', 'application/pdf'), 415, 'file_type_mismatch');
    await expectNothingStored();
  });

  it('an HTML file named .png', async () => {
    before = await snapshot();
    await expectRefused(await upload({ token }, HTML_PAGE, 'photo.png', 'image/png'), 415, 'file_type_not_allowed');
    await expectRefused(await upload({ token }, HTML_PAGE, 'page.txt', 'text/plain'), 415, 'file_type_not_allowed');
    await expectNothingStored();
  });

  it('an SVG with a script', async () => {
    before = await snapshot();
    await expectRefused(await upload({ token }, SVG_WITH_SCRIPT, 'logo.svg', 'image/svg+xml'), 415, 'file_type_not_allowed');
    await expectRefused(await upload({ token }, SVG_WITH_SCRIPT, 'logo.png', 'image/png'), 415, 'file_type_not_allowed');
    await expectNothingStored();
  });

  it('a polyglot GIF/JS is stored only as a clean re-encoded image', async () => {
    const { status, body } = await upload({ token }, await polyglotGif(), 'fun.gif', 'image/gif');
    expect(status).toBe(201);
    const [link] = await links({ token }, [body.file.id]);
    const served = Buffer.from(await (await fetch(h.url + link!.url)).arrayBuffer());
    expect(served.includes(Buffer.from('alert'))).toBe(false);
    expect((await sharp(served).metadata()).format).toBe('gif');
  });

  it('a truncated JPEG', async () => {
    const whole = await jpeg(400, 300);
    before = await snapshot();
    await expectRefused(await upload({ token }, whole.subarray(0, Math.floor(whole.length / 2)), 'cut.jpg', 'image/jpeg'), 422, 'file_unreadable');
    await expectNothingStored();
  });

  it('a 30,000 × 30,000 PNG', async () => {
    before = await snapshot();
    await expectRefused(await upload({ token }, hugePngHeader(), 'bomb.png', 'image/png'), 422, 'file_too_many_pixels');
    await expectNothingStored();
  });

  it('a zip bomb, with archives allowed (and any zip while they are not)', async () => {
    const bomb = zipBomb();
    before = await snapshot();
    await expectRefused(await upload({ token }, bomb, 'backup.zip', 'application/zip'), 415, 'file_type_not_allowed');
    await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { files: { maxBytes: 10 * 1024 * 1024, perMessage: 5, kinds: { image: true, pdf: true, text: true, office: true, archive: true } } }));
    try {
      await expectRefused(await upload({ token }, bomb, 'backup.zip', 'application/zip'), 422, 'file_unsafe');
      await expectNothingStored();
    } finally {
      await h.app.store.unit((tx) => tx.sites.updateSettings(h.siteA.siteId as SiteId, { files: { maxBytes: 10 * 1024 * 1024, perMessage: 5, kinds: { image: true, pdf: true, text: true, office: true, archive: false } } }));
    }
  });

  it('an upload interrupted halfway', async () => {
    before = await snapshot();
    // Spool directories live in the shared temp folder: compare with what was there before this upload.
    const spools = async () => (await readdir(tmpdir())).filter((d) => d.startsWith('hearth-upload-'));
    const spoolsBefore = new Set(await spools());
    const boundary = 'hearthboundary';
    const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="half.pdf"\r\ncontent-type: application/pdf\r\n\r\n`;
    const url = new URL(h.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST /api/files HTTP/1.1\r\nhost: ${url.host}\r\nauthorization: Bearer ${token}\r\ncontent-type: multipart/form-data; boundary=${boundary}\r\ncontent-length: ${head.length + 1_000_000}\r\n\r\n${head}`,
        );
        socket.write(Buffer.alloc(300_000, 'x'), () => setTimeout(() => socket.destroy(), 100));
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    await new Promise((r) => setTimeout(r, 300));
    await expectNothingStored();
    await expect.poll(async () => (await spools()).filter((d) => !spoolsBefore.has(d)), { timeout: 5_000 }).toEqual([]);
    expect((await upload({ token }, pdf(), 'after.pdf', 'application/pdf')).status).toBe(201);
  });

  it('expired or tampered links', async () => {
    const { body } = await upload({ token }, pdf('links'), 'links.pdf', 'application/pdf');
    const [link] = await links({ token }, [body.file.id]);
    const tampered = link!.url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const bad = await fetch(h.url + tampered);
    expect(bad.status).toBe(403);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('link_invalid');
    expect((await fetch(h.url + link!.url.replace(/exp=\d+/, `exp=${Date.now() + 999_999}`))).status).toBe(403);
    expect((await fetch(h.url + link!.url.replace('v=f', 'v=t'))).status).toBe(403);
    const short = await startServer({ env: { DATA_DIR: dataDir, FILES_STORE, FILES_LINK_TTL_SECONDS: '1' } });
    try {
      const t = (await short.visitorSession(short.siteA.siteKey)).token;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdf('short'))]), 'short.pdf');
      const up = (await (await fetch(`${short.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${t}` }, body: form })).json()) as { file: Attachment };
      const res = await fetch(`${short.url}/api/files/links`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify({ ids: [up.file.id] }) });
      const [l] = ((await res.json()) as FileLinksResponse).links;
      expect((await fetch(short.url + l!.url)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await fetch(short.url + l!.url);
      expect(expired.status).toBe(410);
      expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('link_expired');
    } finally {
      await short.close();
    }
  });

  it('nobody gets a link to another visitor’s or another site’s file, nor uploads without a session', async () => {
    const { body } = await upload({ token }, pdf('mine'), 'mine.pdf', 'application/pdf');
    const other = (await h.visitorSession(h.siteA.siteKey)).token;
    expect(await links({ token: other }, [body.file.id])).toEqual([]);
    const agentB = await h.login(h.siteB.agentEmail);
    expect(await links({ cookie: agentB }, [body.file.id])).toEqual([]);
    // Not sent yet: even the site's agents do not see it (an upload is its uploader's until sent).
    expect(await links({ cookie: await h.login(h.siteA.agentEmail) }, [body.file.id])).toEqual([]);
    const res = await fetch(`${h.url}/api/files`, { method: 'POST', body: new FormData() });
    expect(res.status).toBe(401);
    expect((await upload({ token: 'v1.x.y.z' }, pdf(), 'a.pdf')).status).toBe(401);
  });

  it('an agent uploads only into a conversation of their sites', async () => {
    const visitor = await h.visitor();
    const sent = await ask(visitor.socket, 'message:send', { clientId: 'files-agent-1', body: 'hello' });
    if (!sent.ok) throw new Error('send failed');
    const conversationId = sent.data.message.conversationId;
    const agentA = await h.login(h.siteA.agentEmail);
    const agentB = await h.login(h.siteB.agentEmail);
    expect((await upload({ cookie: agentA }, pdf(), 'answer.pdf', 'application/pdf', `?conversationId=${conversationId}`)).status).toBe(201);
    expect((await upload({ cookie: agentB }, pdf(), 'answer.pdf', 'application/pdf', `?conversationId=${conversationId}`)).status).toBe(404);
    expect((await upload({ cookie: agentA }, pdf(), 'answer.pdf', 'application/pdf')).status).toBe(400);
  });
});

describe('sweep', () => {
  it('deletes unsent uploads after the grace period, and their bytes', async () => {
    const { body } = await upload({ token }, Buffer.from('soon gone'), 'gone.txt', 'text/plain');
    expect(await h.sqlValue('select count(*) from files where id = ?', [body.file.id])).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    await h.app.store.unit((tx) => tx.jobs.schedule({ kind: 'files.sweep', key: 'all', dueAt: 0 }));
    await h.app.jobs.runDue();
    expect(await h.sqlValue('select count(*) from files where id = ?', [body.file.id])).toBe(0);
    expect(await h.sqlValue('select count(*) from files')).toBe(0);
    expect(await blobFiles()).toEqual([]);
    // The sweep scheduled its next run.
    expect((await h.app.store.read.jobs.find('files.sweep', 'all'))?.dueAt).toBeGreaterThan(Date.now());
  });
});
