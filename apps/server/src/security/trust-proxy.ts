import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/**
 * Which peers may tell Hearth a client's address (`X-Forwarded-For`), from `TRUST_PROXY`:
 * - unset, `false` or `0`: nobody; the client is the TCP peer (the default: a direct install).
 * - a hop count `n` (`1`: one proxy in front): the n nearest addresses are proxies, whoever they are.
 *   Only for a Hearth that nothing but those proxies can reach (bound to 127.0.0.1, or firewalled):
 *   a direct client could otherwise claim any address by sending the header itself.
 * - a comma-separated list of proxy addresses and CIDRs, or `loopback`, `linklocal`, `uniquelocal`
 *   (`127.0.0.1`, `10.0.0.0/8, fd00::/8`): only those are believed; the client is the nearest
 *   address in the chain that is not one of them.
 * - `true`: every address in the header is believed (the farthest one is the client).
 *
 * The same function decides for Fastify (`request.ip`, `request.protocol`, `request.host`, and so
 * every HTTP rate limit and request log line) and for Socket.IO handshakes ({@link clientAddressOf}).
 */
export type TrustProxy = (address: string, hop: number) => boolean;

export interface TrustProxySetting {
  /** False when nobody is trusted: Fastify then reads the TCP peer without parsing headers. */
  readonly enabled: boolean;
  /** What the setting says, for the start banner and logs. */
  readonly description: string;
  readonly trust: TrustProxy;
}

/** Parses `TRUST_PROXY`; throws with a readable message on an address proxy-addr cannot read. */
export function parseTrustProxy(raw: string | undefined): TrustProxySetting {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return { enabled: false, description: 'off', trust: () => false };
  if (value === 'true') return { enabled: true, description: 'every forwarding proxy', trust: () => true };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return { enabled: true, description: `${hops} proxy hop${hops === 1 ? '' : 's'}`, trust: (_address, hop) => hop < hops };
  }
  const list = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    return { enabled: true, description: list.join(', '), trust: proxyAddr.compile(list) };
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${(error as Error).message} (expected a hop count, or addresses and CIDRs separated by commas)`);
  }
}

/**
 * The client's address for an HTTP request, per the trust rule: the TCP peer, or, when the peer is a
 * trusted proxy, the nearest untrusted address in `X-Forwarded-For`. For a Socket.IO socket pass
 * `socket.request` (the handshake request: `socket.handshake.address` is always the TCP peer).
 */
export function clientAddressOf(request: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(request, trust);
}
