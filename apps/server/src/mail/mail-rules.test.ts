import { describe, expect, it } from 'vitest';
import { classifySmtpError, GIVE_UP_AFTER_MS, nextAttemptAt } from './mail-rules.ts';

describe('classifySmtpError', () => {
  it('a 5xx for the recipient or the message is permanent and rejects the address', () => {
    expect(classifySmtpError({ responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 No such user' })).toEqual({ permanent: true, recipientRejected: true, response: '550 5.1.1 No such user' });
    expect(classifySmtpError({ responseCode: 554, command: 'DATA', response: '554 spam' })).toMatchObject({ permanent: true, recipientRejected: true });
  });

  it('a refused sender is permanent for the mail but says nothing about the address', () => {
    expect(classifySmtpError({ responseCode: 553, command: 'MAIL FROM', response: '553 not our domain' })).toMatchObject({ permanent: true, recipientRejected: false });
  });

  it('4xx, refused logins and errors without an answer are temporary', () => {
    expect(classifySmtpError({ responseCode: 451, command: 'RCPT TO', response: '451 later' })).toMatchObject({ permanent: false, recipientRejected: false });
    expect(classifySmtpError({ responseCode: 535, code: 'EAUTH', command: 'AUTH PLAIN', response: '535 bad credentials' })).toMatchObject({ permanent: false });
    expect(classifySmtpError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ESOCKET' }))).toEqual({
      permanent: false,
      recipientRejected: false,
      response: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(classifySmtpError('weird')).toMatchObject({ permanent: false, response: 'weird' });
  });
});

describe('nextAttemptAt', () => {
  it('doubles from the first delay up to an hour, with ±10 % jitter', () => {
    const at = (attempts: number, jitter = 0.5) => nextAttemptAt({ attempts, createdAt: 0, now: 0, firstDelayMs: 30_000, jitter })!;
    expect([1, 2, 3, 4].map((n) => at(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(at(20)).toBe(3_600_000);
    expect(at(1, 0)).toBe(27_000);
    expect(at(1, 1)).toBe(33_000);
  });

  it('gives up once the next try would be more than a day after the mail was written', () => {
    expect(nextAttemptAt({ attempts: 30, createdAt: 0, now: GIVE_UP_AFTER_MS - 3_600_000, firstDelayMs: 30_000, jitter: 0.5 })).toBe(GIVE_UP_AFTER_MS);
    expect(nextAttemptAt({ attempts: 30, createdAt: 0, now: GIVE_UP_AFTER_MS - 1000, firstDelayMs: 30_000, jitter: 0.5 })).toBeNull();
  });
});
