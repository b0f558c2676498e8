import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustProxy } from './trust-proxy.ts';

/** A request as the server sees it: the TCP peer and what X-Forwarded-For claims. */
const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('TRUST_PROXY', () => {
  it('off by default: the client is the TCP peer, whatever the header says', () => {
    for (const raw of [undefined, '', 'false', '0']) {
      const setting = parseTrustProxy(raw);
      expect(setting.enabled).toBe(false);
      expect(clientAddressOf(request('198.51.100.7', '203.0.113.1'), setting.trust)).toBe('198.51.100.7');
    }
  });

  it('a list of proxies: only they are believed, and the client is the nearest address that is not one', () => {
    const { trust, enabled } = parseTrustProxy('127.0.0.1, 10.0.0.0/8');
    expect(enabled).toBe(true);
    expect(clientAddressOf(request('127.0.0.1', '203.0.113.1'), trust)).toBe('203.0.113.1');
    // A client that writes its own header in front of the proxy's entry is not believed past the proxy.
    expect(clientAddressOf(request('127.0.0.1', '1.2.3.4, 203.0.113.1'), trust)).toBe('203.0.113.1');
    expect(clientAddressOf(request('127.0.0.1', '1.2.3.4, 203.0.113.1, 10.1.2.3'), trust)).toBe('203.0.113.1');
    // A peer that is not a proxy: its header is ignored.
    expect(clientAddressOf(request('198.51.100.7', '203.0.113.1'), trust)).toBe('198.51.100.7');
    expect(clientAddressOf(request('::ffff:127.0.0.1', '203.0.113.1'), trust)).toBe('203.0.113.1');
    expect(parseTrustProxy('loopback').trust('::1', 0)).toBe(true);
  });

  it('a hop count: that many nearest addresses are proxies', () => {
    const { trust, description } = parseTrustProxy('2');
    expect(description).toBe('2 proxy hops');
    expect(clientAddressOf(request('10.0.0.2', '203.0.113.1, 10.0.0.1'), trust)).toBe('203.0.113.1');
    expect(clientAddressOf(request('10.0.0.2', '1.2.3.4, 203.0.113.1, 10.0.0.1'), trust)).toBe('203.0.113.1');
  });

  it('refuses what is neither a count nor addresses, with the setting named', () => {
    expect(() => parseTrustProxy('nginx.local')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow(/TRUST_PROXY/);
  });
});
