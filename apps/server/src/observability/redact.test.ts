import { describe, expect, it } from 'vitest';
import { createSecretRedactor, REDACTED } from './redact.ts';

describe('secret redaction in log lines', () => {
  const redactor = createSecretRedactor();
  for (const route of [
    '/api/invitations/:inviteToken',
    '/api/invitations/:inviteToken/accept',
    '/api/password-resets/:resetToken/confirm',
    '/api/sites/:siteId/invitations/:invitationId',
    '/api/sites/:siteId/hooks/:hookId/:signingSecret',
  ]) {
    redactor.addRoute(route);
  }

  it('hides route parameters named as secrets, wherever the path appears in a line', () => {
    expect(redactor.redact('/api/invitations/Zq3-abc_DEF')).toBe(`/api/invitations/${REDACTED}`);
    expect(redactor.redact('/api/invitations/Zq3-abc_DEF/accept?x=1')).toBe(`/api/invitations/${REDACTED}/accept?x=1`);
    expect(redactor.redact('/api/password-resets/r3s3t/confirm')).toBe(`/api/password-resets/${REDACTED}/confirm`);
    const line = JSON.stringify({ msg: 'Route GET:/api/invitations/tok123 failed', req: { url: '/api/invitations/tok123/accept' } });
    expect(redactor.redact(line)).not.toContain('tok123');
    // A secret after ordinary parameters; the ordinary ones stay readable.
    expect(redactor.redact('/api/sites/s-1/hooks/h-2/whsec_9')).toBe(`/api/sites/s-1/hooks/h-2/${REDACTED}`);
  });

  it('leaves ids that are not secrets', () => {
    const path = '/api/sites/7f7c/invitations/0b1e2d3c';
    expect(redactor.redact(path)).toBe(path);
    expect(redactor.redact('/api/widget/config?site=demo')).toBe('/api/widget/config?site=demo');
  });

  it('hides secret query parameters by name', () => {
    expect(redactor.redact('/x?token=abc&site=demo')).toBe(`/x?token=${REDACTED}&site=demo`);
    expect(redactor.redact('/x?site=demo&access_token=abc')).toBe(`/x?site=demo&access_token=${REDACTED}`);
    expect(redactor.redact('/cb?code=oauth-code&state=s')).toBe(`/cb?code=${REDACTED}&state=s`);
    expect(redactor.redact('/x?resetToken=1&password=2&api_key=3&signature=4')).toBe(
      `/x?resetToken=${REDACTED}&password=${REDACTED}&api_key=${REDACTED}&signature=${REDACTED}`,
    );
    expect(redactor.redact('"url":"/x?token=abc"')).toBe(`"url":"/x?token=${REDACTED}"`);
  });

  it('hides the password of a URL with credentials', () => {
    expect(redactor.redact('connect redis://default:hunter2@10.0.0.5:6379/0 refused')).toBe(`connect redis://default:${REDACTED}@10.0.0.5:6379/0 refused`);
    expect(redactor.redact('"postgres://hearth:p%40ss@db/hearth"')).toBe(`"postgres://hearth:${REDACTED}@db/hearth"`);
    expect(redactor.redact('see https://example.com:8443/path')).toBe('see https://example.com:8443/path');
  });

  it('is idempotent (the log hook may see an already redacted URL)', () => {
    const once = redactor.redact('/api/invitations/abc/accept?token=x');
    expect(redactor.redact(once)).toBe(once);
  });
});
