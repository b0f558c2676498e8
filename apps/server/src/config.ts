import { z } from 'zod';
import { fileURLToPath } from 'node:url';


/** The whole environment Hearth reads, parsed once at start. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** Overrides DATA_DIR/hearth.db; ':memory:' for tests. */
  DATABASE_FILE: z.string().optional(),
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
  /** How often every node looks for due jobs that another node scheduled (ms); its own wake it at once. */
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Literal URLs: the server's build checks they resolve the same from its bundle (scripts/build.ts).
  WIDGET_DIST: z.string().default(fileURLToPath(new URL('../../widget/dist', import.meta.url))),
  CONSOLE_DIST: z.string().default(fileURLToPath(new URL('../../console/dist', import.meta.url))),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
