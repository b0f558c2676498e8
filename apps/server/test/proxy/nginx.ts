import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NGINX = '/usr/sbin/nginx';
const committedConfig = fileURLToPath(new URL('../../../../deploy/nginx/hearth.conf', import.meta.url));

/** A free TCP port on 127.0.0.1 (closed again at once; nothing else here races for it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Nginx {
  /** The PEM certificate clients trust (a throwaway self-signed one for 127.0.0.1). */
  ca: string;
  /** nginx's error log so far (for a failing assertion's message). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx, as a child process (no daemon) with a temp prefix, running the repository's
 * deploy/nginx/hearth.conf with only its addresses and certificate paths replaced: TLS on `tlsPort`,
 * the http→https redirect on `httpPort`, Hearth upstream on `upstreamPort`.
 */
export async function startNginx(ports: { tlsPort: number; httpPort: number; upstreamPort: number }): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'hearth-nginx-'));
  // Workers run as an unprivileged user when the test runs as root: they must read the prefix.
  chmodSync(prefix, 0o755);
  const cert = join(prefix, 'cert.pem');
  const key = join(prefix, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  chmodSync(key, 0o644);

  const replacements: Array<[RegExp, string]> = [
    [/server 127\.0\.0\.1:3000;/, `server 127.0.0.1:${ports.upstreamPort};`],
    [/listen 80;/, `listen 127.0.0.1:${ports.httpPort};`],
    [/listen 443 ssl http2;/, `listen 127.0.0.1:${ports.tlsPort} ssl http2;`],
    [/\n\s*listen \[::\]:80;/, ''],
    [/\n\s*listen \[::\]:443 ssl http2;/, ''],
    [/ssl_certificate\s+\/etc\/letsencrypt\/live\/chat\.example\.com\/fullchain\.pem;/, `ssl_certificate ${cert};`],
    [/ssl_certificate_key\s+\/etc\/letsencrypt\/live\/chat\.example\.com\/privkey\.pem;/, `ssl_certificate_key ${key};`],
  ];
  let site = readFileSync(committedConfig, 'utf8');
  for (const [pattern, value] of replacements) {
    if (!pattern.test(site)) throw new Error(`deploy/nginx/hearth.conf no longer has ${pattern}: update the test's replacements`);
    site = site.replace(pattern, value);
  }
  writeFileSync(join(prefix, 'hearth.conf'), site);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/${t}_temp;`),
      `  include ${prefix}/hearth.conf;`,
      '}',
      '',
    ].join('\n'),
  );

  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => {
    try {
      return stderr + readFileSync(join(prefix, 'error.log'), 'utf8');
    } catch {
      return stderr;
    }
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${log()}`);
    if (await accepts(ports.tlsPort)) break;
    if (i > 200) throw new Error(`nginx did not listen:\n${log()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    ca: readFileSync(cert, 'utf8'),
    log,
    async stop() {
      if (child.exitCode === null) {
        // nginx's fast stop: the master ends its workers, then itself.
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
