import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiToken, ApiTokenCreated } from '@hearth/protocol';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
/** Hearth's log lines (JSON), as written. */
const logged: string[] = [];
const log = {
  write: (line: string) => void logged.push(...line.split('\n').filter(Boolean)),
  lines: () => logged.map((l) => JSON.parse(l) as Record<string, unknown>),
};
beforeAll(async () => {
  h = await startServer({ env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json', API_RATE_PER_MIN: '5' }, logDestination: log });
});
afterAll(async () => {
  await h.close();
});

const tokensPath = (siteId = h.siteA.siteId) => `/api/sites/${siteId}/api-tokens`;

async function createToken(body: Record<string, unknown>, siteId = h.siteA.siteId): Promise<ApiTokenCreated> {
  const owner = await h.login(siteId === h.siteA.siteId ? h.siteA.ownerEmail : h.siteB.ownerEmail);
  const res = await h.request('POST', tokensPath(siteId), owner, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as unknown as ApiTokenCreated;
}

function api(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${h.url}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> }));
}

describe('API tokens', () => {
  it('an owner creates a token that is shown once and stored hashed; the list never shows it again', async () => {
    const created = await createToken({ name: 'Zapier', scopes: ['read'] });
    expect(created.token).toMatch(/^hth_[A-Za-z0-9_-]{32}$/);
    expect(created.apiToken).toMatchObject({ name: 'Zapier', scopes: ['read'], prefix: created.token.slice(0, 10), revokedAt: null });
    const owner = await h.login(h.siteA.ownerEmail);
    const list = await h.request('GET', tokensPath(), owner);
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    expect((list.body.tokens as ApiToken[]).map((t) => t.name)).toContain('Zapier');
    const stored = await h.sql<{ token_hash: string }>('select token_hash from api_tokens where id = ?', [created.id]);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await h.rowsOf('api_tokens'))).not.toContain(created.token);
  });

  it('plain agents and strangers cannot create tokens; bad bodies are refused with a code', async () => {
    const agent = await h.login(h.siteA.agentEmail);
    expect((await h.request('POST', tokensPath(), agent, { name: 'x', scopes: ['read'] })).status).toBe(403);
    const ownerB = await h.login(h.siteB.ownerEmail);
    expect((await h.request('POST', tokensPath(), ownerB, { name: 'x', scopes: ['read'] })).status).toBe(404);
    expect((await h.request('POST', tokensPath(), null, { name: 'x', scopes: ['read'] })).status).toBe(401);
    const owner = await h.login(h.siteA.ownerEmail);
    const bad = await h.request('POST', tokensPath(), owner, { name: 'x', scopes: ['admin'] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_payload' } });
    expect((await h.request('POST', tokensPath(), owner, { name: 'x', scopes: ['read'], expiresAt: Date.now() - 1000 })).status).toBe(400);
  });

  it('scopes: read reads, write writes; each is refused the other with insufficient_scope', async () => {
    const reader = await createToken({ name: 'reader', scopes: ['read'] });
    const ok = await api('GET', '/agents', reader.token);
    expect(ok.status).toBe(200);
    expect(ok.body.agents.map((a: { name: string }) => a.name).sort()).toEqual(['Agent A', 'Owner A']);
    expect(ok.body.agents[0]).toMatchObject({ status: 'offline' });
    const writer = await createToken({ name: 'writer', scopes: ['write'] });
    const refused = await api('GET', '/agents', writer.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: 'insufficient_scope', message: expect.any(String) } });
  });

  it('no token, a wrong token, a revoked or expired token: 401 with a code; revoking is for the site’s owners', async () => {
    expect((await api('GET', '/agents', null)).body.error.code).toBe('unauthorized');
    expect((await api('GET', '/agents', 'hth_notarealtokenatallnotreal00')).status).toBe(401);
    const created = await createToken({ name: 'to revoke', scopes: ['read'] });
    const ownerB = await h.login(h.siteB.ownerEmail);
    expect((await h.request('DELETE', `${tokensPath(h.siteA.siteId)}/${created.id}`, ownerB)).status).toBe(404);
    const owner = await h.login(h.siteA.ownerEmail);
    expect((await h.request('DELETE', `${tokensPath()}/${created.id}`, owner)).status).toBe(204);
    const revoked = await api('GET', '/agents', created.token);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('token_revoked');
    const expiring = (await h.request('POST', tokensPath(), owner, { name: 'short', scopes: ['read'], expiresAt: Date.now() + 300 })).body as unknown as ApiTokenCreated;
    await new Promise((r) => setTimeout(r, 400));
    expect((await api('GET', '/agents', expiring.token)).body.error.code).toBe('token_expired');
  });

  it('another site’s token reads only its own site', async () => {
    const b = await createToken({ name: 'site b', scopes: ['read'] }, h.siteB.siteId);
    const res = await api('GET', '/agents', b.token);
    expect(res.body.agents.map((a: { name: string }) => a.name).sort()).toEqual(['Agent B', 'Owner B']);
  });

  it('every call is logged with the token’s name; the rate limit is per token', async () => {
    const limited = await createToken({ name: 'Limited Integration', scopes: ['read'] });
    const other = await createToken({ name: 'Other', scopes: ['read'] });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await api('GET', '/agents', limited.token)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limitedBody = await api('GET', '/agents', limited.token);
    expect(limitedBody.body.error.code).toBe('rate_limited');
    // Another token of the same site (and the same client address) is not held back.
    expect((await api('GET', '/agents', other.token)).status).toBe(200);
    const lines = log.lines().filter((l) => l.msg === 'api call' && l.tokenName === 'Limited Integration');
    expect(lines.length, logged.slice(-3).join('\n')).toBeGreaterThanOrEqual(8);
    expect(lines[0]).toMatchObject({ method: 'GET', url: '/api/v1/agents', statusCode: 200 });
    const owner = await h.login(h.siteA.ownerEmail);
    const listed = (await h.request('GET', tokensPath(), owner)).body.tokens as ApiToken[];
    expect(listed.find((t) => t.id === limited.id)!.lastUsedAt).toBeGreaterThan(0);
  });
});
