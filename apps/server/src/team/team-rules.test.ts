import { describe, expect, it } from 'vitest';
import { decideTeamChange, invitationState } from './team-rules.ts';

describe('invitationState', () => {
  const base = { acceptedAt: null, revokedAt: null, expiresAt: 1000 };
  it('is pending until it expires', () => {
    expect(invitationState(base, 999)).toBe('pending');
    expect(invitationState(base, 1000)).toBe('expired');
  });
  it('accepted and revoked are final, even after the expiry', () => {
    expect(invitationState({ ...base, acceptedAt: 5 }, 2000)).toBe('accepted');
    expect(invitationState({ ...base, revokedAt: 5 }, 2000)).toBe('revoked');
  });
});

describe('decideTeamChange', () => {
  const team = [
    { agentId: 'o1', role: 'owner' as const },
    { agentId: 'a1', role: 'agent' as const },
  ];
  it('never removes or demotes the last owner', () => {
    expect(decideTeamChange(team, 'o1', { kind: 'remove' })).toMatchObject({ ok: false, code: 'last_owner', status: 409 });
    expect(decideTeamChange(team, 'o1', { kind: 'set-role', role: 'agent' })).toMatchObject({ ok: false, code: 'last_owner' });
    expect(decideTeamChange(team, 'o1', { kind: 'set-role', role: 'owner' })).toEqual({ ok: true });
  });
  it('allows it once there is a second owner', () => {
    const two = [...team, { agentId: 'o2', role: 'owner' as const }];
    expect(decideTeamChange(two, 'o1', { kind: 'remove' })).toEqual({ ok: true });
    expect(decideTeamChange(two, 'o1', { kind: 'set-role', role: 'agent' })).toEqual({ ok: true });
  });
  it('agents can be promoted and removed; strangers are not found', () => {
    expect(decideTeamChange(team, 'a1', { kind: 'set-role', role: 'owner' })).toEqual({ ok: true });
    expect(decideTeamChange(team, 'a1', { kind: 'remove' })).toEqual({ ok: true });
    expect(decideTeamChange(team, 'zz', { kind: 'remove' })).toMatchObject({ ok: false, status: 404 });
  });
});
