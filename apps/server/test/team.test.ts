import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSession, CreatedInvitation, TeamView } from '@hearth/protocol';
import { PASSWORD, startServer, type Harness } from './harness.ts';
import { dbFingerprint } from './db-fingerprint.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

const call = (method: string, path: string, cookie: string | null, body?: unknown) => h.request(method, path, cookie, body);

const site = () => `/api/sites/${h.siteA.siteId}`;
const tokenOf = (created: CreatedInvitation) => created.link.split('/invite/')[1]!;

async function invite(owner: string, email: string, role: 'owner' | 'agent' = 'agent') {
  const res = await call('POST', `${site()}/invitations`, owner, { email, role });
  expect(res.status).toBe(201);
  const created = res.body as unknown as CreatedInvitation;
  expect(created.link).toMatch(/^\/console\/#\/invite\/[A-Za-z0-9_-]{43}$/);
  return created;
}

describe('invitations', () => {
  it('a link is accepted once: a new account with the invited email, signed in, on the team', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const created = await invite(owner, 'New.Person@Example.test');
    const token = tokenOf(created);
    // Only the hash is stored.
    expect(JSON.stringify(await h.sql('select * from invitations'))).not.toContain(token);
    const team = (await call('GET', `${site()}/team`, owner)).body as unknown as TeamView;
    expect(team.invitations.map((i) => i.email)).toContain('new.person@example.test');

    const preview = await call('GET', `/api/invitations/${token}`, null);
    expect(preview.body).toEqual({ siteName: 'Site a', email: 'new.person@example.test', role: 'agent' });
    expect((await call('POST', `/api/invitations/${token}/accept`, null, { name: 'New Person', password: 'short' })).status).toBe(400);
    expect((await call('POST', `/api/invitations/${token}/accept`, null, {})).status).toBe(400);

    const accepted = await call('POST', `/api/invitations/${token}/accept`, null, { name: 'New Person', password: PASSWORD });
    expect(accepted.status).toBe(200);
    const session = accepted.body as unknown as AgentSession;
    expect(session.sites).toEqual([expect.objectContaining({ id: h.siteA.siteId, role: 'agent' })]);
    expect((await call('GET', '/api/auth/me', accepted.cookie)).status).toBe(200);
    await h.login('new.person@example.test');

    const before = await dbFingerprint(h);
    const again = await call('POST', `/api/invitations/${token}/accept`, null, { name: 'Someone Else', password: PASSWORD });
    expect([again.status, again.body.error?.code]).toEqual([410, 'invitation_used']);
    expect((await call('GET', `/api/invitations/${token}`, null)).body.error?.code).toBe('invitation_used');
    expect(await dbFingerprint(h)).toBe(before);
    const after = (await call('GET', `${site()}/team`, owner)).body as unknown as TeamView;
    expect(after.invitations.map((i) => i.email)).not.toContain('new.person@example.test');
    expect(after.members.map((m) => m.email)).toContain('new.person@example.test');
  });

  it('an existing agent accepts by being signed in with the invited email', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const token = tokenOf(await invite(owner, h.siteB.agentEmail));
    // The preview answers the same whether the email has an account or not (issue 12): the inviter holds the link too.
    const fresh = tokenOf(await invite(owner, 'nobody.yet@example.test'));
    const [existing, unknown] = [await call('GET', `/api/invitations/${token}`, null), await call('GET', `/api/invitations/${fresh}`, null)];
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect(existing.body).toEqual({ siteName: 'Site a', email: h.siteB.agentEmail, role: 'agent' });
    const anonymous = await call('POST', `/api/invitations/${token}/accept`, null, { name: 'Hijack', password: PASSWORD });
    expect(anonymous.body.error?.code).toBe('sign_in_to_accept');
    const wrongPerson = await call('POST', `/api/invitations/${token}/accept`, await h.login(h.siteA.agentEmail), {});
    expect(wrongPerson.body.error?.code).toBe('sign_in_to_accept');
    const right = await call('POST', `/api/invitations/${token}/accept`, await h.login(h.siteB.agentEmail), {});
    expect(right.status).toBe(200);
    expect((right.body as unknown as AgentSession).sites.map((s) => s.id).sort()).toEqual([h.siteA.siteId, h.siteB.siteId].sort());
  });

  it('expired, revoked and wrong tokens are refused and write nothing', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const expired = tokenOf(await invite(owner, 'late@example.test'));
    await h.sql("update invitations set expires_at = ? where email = 'late@example.test'", [Date.now() - 1]);
    const revokedInvite = await invite(owner, 'withdrawn@example.test');
    expect((await call('DELETE', `${site()}/invitations/${revokedInvite.invitation.id}`, owner)).status).toBe(204);
    expect((await call('DELETE', `${site()}/invitations/${revokedInvite.invitation.id}`, owner)).status).toBe(404);

    const before = await dbFingerprint(h);
    const body = { name: 'X', password: PASSWORD };
    expect((await call('POST', `/api/invitations/${expired}/accept`, null, body)).body.error?.code).toBe('invitation_expired');
    expect((await call('POST', `/api/invitations/${tokenOf(revokedInvite)}/accept`, null, body)).body.error?.code).toBe('invitation_revoked');
    const wrong = 'A'.repeat(43);
    expect((await call('POST', `/api/invitations/${wrong}/accept`, null, body)).body.error?.code).toBe('invalid_invitation');
    expect((await call('POST', `/api/invitations/not-a-token/accept`, null, body)).status).toBe(400);
    expect(await dbFingerprint(h)).toBe(before);
  });

  it('only owners invite, revoke and change the team; other sites cannot reach it', async () => {
    const agent = await h.login(h.siteA.agentEmail);
    const otherOwner = await h.login(h.siteB.ownerEmail);
    expect((await call('POST', `${site()}/invitations`, agent, { email: 'x@example.test' })).status).toBe(403);
    expect((await call('POST', `${site()}/invitations`, otherOwner, { email: 'x@example.test' })).status).toBe(404);
    expect((await call('POST', `${site()}/invitations`, null, { email: 'x@example.test' })).status).toBe(401);
    const agentView = (await call('GET', `${site()}/team`, agent)).body as unknown as TeamView;
    expect(agentView.invitations).toEqual([]);
    expect((await call('GET', `${site()}/team`, otherOwner)).status).toBe(404);
    const ownerRow = agentView.members.find((m) => m.role === 'owner')!;
    expect((await call('DELETE', `${site()}/team/${ownerRow.agentId}`, agent)).status).toBe(403);
    expect((await call('PUT', `${site()}/team/${ownerRow.agentId}`, otherOwner, { role: 'agent' })).status).toBe(404);
    // An owner of site B cannot revoke site A's invitations by id.
    const owner = await h.login(h.siteA.ownerEmail);
    const pending = await invite(owner, 'pending@example.test');
    expect((await call('DELETE', `/api/sites/${h.siteB.siteId}/invitations/${pending.invitation.id}`, otherOwner)).status).toBe(404);
    expect((await call('POST', `${site()}/invitations`, owner, { email: h.siteA.agentEmail })).body.error?.code).toBe('already_member');
  });

  it('the last owner can be neither removed nor demoted; a second owner makes it possible', async () => {
    const owner = await h.login(h.siteA.ownerEmail);
    const team = (await call('GET', `${site()}/team`, owner)).body as unknown as TeamView;
    const me = team.members.find((m) => m.email === h.siteA.ownerEmail)!;
    const agent = team.members.find((m) => m.email === h.siteA.agentEmail)!;
    expect((await call('DELETE', `${site()}/team/${me.agentId}`, owner)).body.error?.code).toBe('last_owner');
    expect((await call('PUT', `${site()}/team/${me.agentId}`, owner, { role: 'agent' })).body.error?.code).toBe('last_owner');
    expect((await call('PUT', `${site()}/team/${agent.agentId}`, owner, { role: 'owner' })).status).toBe(200);
    expect((await call('PUT', `${site()}/team/${me.agentId}`, owner, { role: 'agent' })).status).toBe(200);
    // Now the former agent is the only owner: they restore the original roles.
    const newOwner = await h.login(h.siteA.agentEmail);
    expect((await call('PUT', `${site()}/team/${agent.agentId}`, newOwner, { role: 'agent' })).body.error?.code).toBe('last_owner');
    expect((await call('PUT', `${site()}/team/${me.agentId}`, newOwner, { role: 'owner' })).status).toBe(200);
    expect((await call('PUT', `${site()}/team/${agent.agentId}`, owner, { role: 'agent' })).status).toBe(200);
    // Removing a member takes the site out of their session.
    const extra = (await h.addAgents(h.siteA, 1, 'leaver'))[0]!;
    const leaver = (await call('GET', `${site()}/team`, owner)).body as unknown as TeamView;
    const leaverId = leaver.members.find((m) => m.email === extra)!.agentId;
    expect((await call('DELETE', `${site()}/team/${leaverId}`, owner)).status).toBe(200);
    expect((await call('GET', `${site()}/settings`, await h.login(extra))).status).toBe(404);
  });

  it('acceptance is rate-limited like login', async () => {
    const limited = await startServer({ env: { RATE_LOGIN_PER_MIN: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.url}/api/invitations/${'B'.repeat(43)}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
