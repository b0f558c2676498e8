import { z } from 'zod';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseTrustProxy } from './security/trust-proxy.ts';

/** The whole environment Hearth reads, parsed once at start. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** Overrides DATA_DIR/hearth.db; ':memory:' for tests. */
  DATABASE_FILE: z.string().optional(),
  /**
   * PostgreSQL instead of the embedded SQLite file (postgres://user:password@host:5432/db). With
   * REDIS_URL too, several nodes can share it (cluster mode); alone, one node on PostgreSQL.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  /** The PostgreSQL schema Hearth's tables live in (created if missing). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA must be a lower-case SQL identifier')
    .default('public'),
  /** PostgreSQL connections per node. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Redis for cross-node events, presence and rate limits (redis://host:6379); needs DATABASE_URL. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// URL')
    .optional(),
  /** Prefix of every Redis key and channel Hearth uses, so clusters (or test runs) can share a Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{0,64}$/, 'REDIS_KEY_PREFIX: letters, digits and _ . : -')
    .default('hearth:'),
  /** How often a cluster node beats (ms); a node silent for CLUSTER_NODE_TIMEOUT_MS is taken for dead. */
  CLUSTER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  CLUSTER_NODE_TIMEOUT_MS: z.coerce.number().int().min(300).max(300_000).default(6_000),
  /** This node's name in a cluster (session ids, presence, logs). Default: host name and port. */
  NODE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$/, 'NODE_NAME: letters, digits and _ . : - (at most 63)')
    .optional(),
  /** Public base URL, used in the snippet and printed links. Defaults to http://HOST:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  HEARTH_ADMIN_EMAIL: z.string().email().optional(),
  HEARTH_ADMIN_PASSWORD: z.string().min(8, 'HEARTH_ADMIN_PASSWORD must be at least 8 characters').optional(),
  /** Create the demo site and shop page on an empty database. */
  HEARTH_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Mark cookies Secure (set when served over https). */
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Rate limits (per client IP for HTTP, per socket for events). */
  RATE_LOGIN_PER_MIN: z.coerce.number().int().positive().default(10),
  RATE_WIDGET_SESSIONS_PER_HOUR: z.coerce.number().int().positive().default(300),
  SOCKET_EVENTS_PER_MIN: z.coerce.number().int().positive().default(120),
  SOCKET_EVENTS_BURST: z.coerce.number().int().positive().default(30),
  /**
   * Abuse limits on sockets (security/socket-limits.ts; README "Security settings"): concurrent
   * sockets per visitor token and visitor sockets per client address (TRUST_PROXY decides the
   * address), refused with `too_many_connections`; event budgets shared by all sockets of one visitor
   * (or agent) and by one address's visitor sockets; and the bytes a socket may have queued unread
   * before it is disconnected.
   */
  SOCKETS_PER_VISITOR: z.coerce.number().int().positive().default(10),
  SOCKETS_PER_IP: z.coerce.number().int().positive().default(50),
  CLIENT_EVENTS_PER_MIN: z.coerce.number().int().positive().default(300),
  CLIENT_EVENTS_BURST: z.coerce.number().int().positive().default(60),
  IP_EVENTS_PER_MIN: z.coerce.number().int().positive().default(1200),
  IP_EVENTS_BURST: z.coerce.number().int().positive().default(200),
  SOCKET_SEND_BUFFER_BYTES: z.coerce.number().int().min(64 * 1024).default(2 * 1024 * 1024),
  /**
   * Outgoing mail (issue 13): `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://user:pass@host:465`. Unset (or empty): Hearth sends no mail and says so in the console.
   */
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().url().refine((u) => /^smtps?:\/\//i.test(u), 'SMTP_URL must start with smtp:// or smtps://').optional(),
  ),
  /** The From of every mail, e.g. `Hearth <support@shop.example>`. Required with SMTP_URL. */
  MAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(3).max(320).optional()),
  /** First retry of a mail the SMTP server did not take, in seconds; each next one waits twice as long (at most 1 h). */
  MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How often every node looks for due jobs that another node scheduled (ms); its own wake it at once. */
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /**
   * Where the bytes of chat files live (issue 15): `dir` (FILES_DIR, default DATA_DIR/files) or
   * `database` (the file_blobs table, shared by every node). Default: `database` with DATABASE_URL,
   * else `dir`.
   */
  FILES_STORE: z.enum(['dir', 'database']).optional(),
  /** The `dir` store's directory; default DATA_DIR/files. */
  FILES_DIR: z.string().optional(),
  /** An upload no message names is deleted after this many seconds. */
  FILES_GRACE_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(3600),
  /** How long a signed file link works, in seconds. */
  FILES_LINK_TTL_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(3600),
  /** How often the sweep deletes unsent uploads and unreferenced bytes, in seconds. */
  FILES_SWEEP_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(600),
  /** Requests per minute one API token may make to /api/v1 (per node). */
  API_RATE_PER_MIN: z.coerce.number().int().positive().default(600),
  /**
   * Let webhook URLs resolve to private, loopback and link-local addresses (a receiver on the same
   * network). Off by default: a site owner must not be able to make Hearth call internal services.
   */
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** First retry of a webhook delivery (ms); each next one waits twice as long (at most 1 h), for up to 24 h. */
  WEBHOOK_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  /** How long one webhook delivery may take, connection to the end of the answer (ms). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `json`: one JSON object per line (for log collectors); `pretty`: coloured lines for a terminal. Default: pretty on a terminal. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /**
   * Who may tell Hearth a client's address (X-Forwarded-For): off, a hop count, or proxy addresses and
   * CIDRs (security/trust-proxy.ts). Every rate limit and log line uses the address it yields.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parseTrustProxy(raw);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Serve /metrics on this port (on METRICS_HOST) instead of to loopback clients of the main port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Address of the metrics listener; defaults to HOST. */
  METRICS_HOST: z.string().optional(),
  /** On SIGTERM/SIGINT: how long in-flight commands get to commit and ack before connections are cut (ms). */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // Literal URLs: the server's build checks they resolve the same from its bundle (scripts/build.ts).
  WIDGET_DIST: z.string().default(fileURLToPath(new URL('../../widget/dist', import.meta.url))),
  CONSOLE_DIST: z.string().default(fileURLToPath(new URL('../../console/dist', import.meta.url))),
}).refine((c) => !c.REDIS_URL || c.DATABASE_URL, {
  // Redis without PostgreSQL would be nodes each with their own SQLite file.
  message: 'REDIS_URL needs DATABASE_URL (the nodes of a cluster share one PostgreSQL database)',
  path: ['REDIS_URL'],
}).refine((c) => !c.SMTP_URL || c.MAIL_FROM, {
  message: 'MAIL_FROM is required with SMTP_URL (e.g. MAIL_FROM="Hearth <support@shop.example>")',
  path: ['MAIL_FROM'],
});

export type Config = z.infer<typeof ConfigSchema>;

/**
 * Where data and cross-node events live:
 * - `embedded`: one process, one SQLite file, no services (neither DATABASE_URL nor REDIS_URL);
 * - `pg`: one node on PostgreSQL (DATABASE_URL only);
 * - `cluster`: several nodes on PostgreSQL and Redis (both set).
 */
export type DeploymentMode = 'embedded' | 'pg' | 'cluster';

export function deploymentMode(config: Pick<Config, 'DATABASE_URL' | 'REDIS_URL'>): DeploymentMode {
  if (!config.DATABASE_URL) return 'embedded';
  return config.REDIS_URL ? 'cluster' : 'pg';
}

/** This node's name: NODE_NAME, else `host:port`. */
export function nodeName(config: Pick<Config, 'NODE_NAME' | 'PORT'>): string {
  return config.NODE_NAME ?? `${hostname()}:${config.PORT}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
