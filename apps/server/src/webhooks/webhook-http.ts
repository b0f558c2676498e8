import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress, urlProblem } from './webhook-rules.ts';

/** At most this much of an answer is read (and the first 300 characters kept for the log); the rest is dropped. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface PostOptions {
  /** Whole attempt: connection, request and answer (ms). */
  timeoutMs: number;
  /** WEBHOOKS_ALLOW_PRIVATE: loopback and private addresses are allowed too. */
  allowPrivate: boolean;
}

export interface PostResult {
  /** The receiver's status, or null when none came. */
  statusCode: number | null;
  /** Why it failed (no answer, refused address, or the start of a non-2xx answer), or null. */
  error: string | null;
  durationMs: number;
}

export class RefusedAddress extends Error {}

/**
 * Resolves like `dns.lookup`, then refuses the connection unless every address is public (or
 * private ones are allowed): checked at connect time, on the address actually dialled, so a DNS
 * answer that changes between a check and the request (rebinding) cannot slip through.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const list = addresses as LookupAddress[];
      if (!allowPrivate && list.some((a) => !isPublicAddress(a.address))) {
        return callback(new RefusedAddress(`${hostname} resolves to a private address`), '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

export interface WebhookPoster {
  /**
   * POSTs one webhook body. Redirects are not followed (a 3xx is a failure like any non-2xx), the
   * answer is read up to 64 KiB, and the whole attempt is bounded by `timeoutMs`. Never throws.
   */
  post(url: string, body: string, headers: Record<string, string>): Promise<PostResult>;
  /** Closes kept-alive connections. */
  close(): void;
}

/** A poster with its own kept-alive connections (a busy endpoint is not dialled per event). */
export function createWebhookPoster(options: PostOptions): WebhookPoster {
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 16 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 16 }),
  };
  return {
    post: (url, body, headers) => postWebhook(url, body, headers, options, agents),
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function postWebhook(url: string, body: string, headers: Record<string, string>, options: PostOptions, agents: { http: http.Agent; https: https.Agent }): Promise<PostResult> {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null): PostResult => ({ statusCode, error, durationMs: Date.now() - started });
  const problem = urlProblem(url);
  if (problem) return Promise.resolve(done(null, problem));
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !options.allowPrivate && !isPublicAddress(host)) return Promise.resolve(done(null, `${host} is a private address`));

  return new Promise((resolve) => {
    const isHttps = target.protocol === 'https:';
    const request = (isHttps ? https : http).request(
      target,
      {
        method: 'POST',
        agent: isHttps ? agents.https : agents.http,
        lookup: guardedLookup(options.allowPrivate),
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Hearth-Webhooks/1', ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read <= MAX_ANSWER_BYTES) chunks.push(chunk);
          else response.destroy();
        });
        const finish = () => {
          clearTimeout(timer);
          const status = response.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          const answer = Buffer.concat(chunks).toString('utf8').trim().slice(0, 300);
          resolve(done(status, ok ? null : `HTTP ${status}${answer ? `: ${answer}` : ''}`));
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', () => undefined);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('error', (err) => {
      clearTimeout(timer);
      resolve(done(null, err.message));
    });
    request.end(body);
  });
}
