import { describe, expect, it } from 'vitest';
import { isPublicAddress, nextAttemptAt, signatureHeader, urlProblem, verifySignature } from './webhook-rules.ts';

describe('webhook rules', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 and verifies within the tolerance only', () => {
    const header = signatureHeader('whsec_test', '{"id":"evt_1"}', 1_764_500_000);
    expect(header).toMatch(/^t=1764500000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_test', '{"id":"evt_1"}', header, 1_764_500_100)).toBe(true);
    expect(verifySignature('whsec_test', '{"id":"evt_2"}', header, 1_764_500_100)).toBe(false);
    expect(verifySignature('whsec_other', '{"id":"evt_1"}', header, 1_764_500_100)).toBe(false);
    // A replay ten minutes later.
    expect(verifySignature('whsec_test', '{"id":"evt_1"}', header, 1_764_500_600)).toBe(false);
    expect(verifySignature('whsec_test', '{"id":"evt_1"}', 'garbage', 1_764_500_000)).toBe(false);
  });

  it('backs off exponentially with jitter, at most an hour apart, and gives up after 24 h', () => {
    const at = (attempts: number, jitter: number) => nextAttemptAt({ attempts, createdAt: 0, now: 0, firstDelayMs: 10_000, jitter });
    expect(at(1, 0.5)).toBe(10_000);
    expect(at(2, 0.5)).toBe(20_000);
    expect(at(4, 0.5)).toBe(80_000);
    expect(at(1, 0)).toBe(9_000);
    expect(at(1, 1)).toBe(11_000);
    expect(at(30, 0.5)).toBe(3_600_000);
    expect(nextAttemptAt({ attempts: 30, createdAt: 0, now: 23 * 3_600_000, firstDelayMs: 10_000, jitter: 0.5 })).toBe(24 * 3_600_000);
    expect(nextAttemptAt({ attempts: 30, createdAt: 0, now: 23.5 * 3_600_000, firstDelayMs: 10_000, jitter: 0.5 })).toBeNull();
  });

  it('public addresses only: loopback, private, link-local, metadata and mapped forms are not', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPublicAddress(a), a).toBe(true);
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'localhost', '224.0.0.1']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it('URLs: http(s) without credentials', () => {
    expect(urlProblem('https://hooks.example.com/x')).toBeNull();
    expect(urlProblem('ftp://x.example')).toMatch(/http/);
    expect(urlProblem('https://user:pw@x.example')).toMatch(/credentials/);
    expect(urlProblem('not a url')).toMatch(/not a URL/);
  });
});
