import { io as connect, type Socket } from 'socket.io-client';
import type { FastifyInstance } from 'fastify';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
  type WidgetSessionResponse,
} from '@hearth/protocol';
import { ConfigSchema } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import type { LogDestination } from '../src/observability/logger.ts';
import { createSiteWithTeam } from '../src/bootstrap/installation.ts';
import { hashPassword } from '../src/auth/password.ts';
import type { PgStore } from '../src/store/pg/pg-store.ts';
import { pgSchemaForServer, pgTestSql, sqliteTestSql, testEngine, testPgUrl, type TestSql } from './test-db.ts';

export type VisitorClient = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
export type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export const PASSWORD = 'correct-horse-battery';

export interface TestSite {
  siteId: string;
  siteKey: string;
  ownerEmail: string;
  agentEmail: string;
}

/**
 * A real Hearth server on 127.0.0.1, port 0, with a fresh database (':memory:' unless a file is
 * given) and two sites, each with an owner and an agent. Clients are real socket.io-clients.
 * With HEARTH_TEST_DB=pg the database is a PostgreSQL schema of this test file instead (the same
 * `databaseFile` names the same schema again, as the same file would), see test-db.ts.
 */
export async function startServer(options: { databaseFile?: string; env?: Record<string, string>; logDestination?: LogDestination } = {}) {
  const routes: Array<{ method: string; url: string }> = [];
  const pg = testEngine === 'pg' ? await pgSchemaForServer(options.databaseFile) : null;
  const config = ConfigSchema.parse({
    PORT: '0',
    DATABASE_FILE: options.databaseFile ?? ':memory:',
    ...(pg ? { DATABASE_URL: testPgUrl, DATABASE_SCHEMA: pg.schema, DATABASE_POOL_MAX: '4' } : {}),
    LOG_LEVEL: 'silent',
    // Suites drive thousands of requests from one IP; limits get their own test with low values.
    RATE_LOGIN_PER_MIN: '100000',
    RATE_WIDGET_SESSIONS_PER_HOUR: '100000',
    SOCKET_EVENTS_PER_MIN: '1000000',
    SOCKET_EVENTS_BURST: '100000',
    API_RATE_PER_MIN: '100000',
    CLIENT_EVENTS_PER_MIN: '1000000',
    CLIENT_EVENTS_BURST: '100000',
    IP_EVENTS_PER_MIN: '1000000',
    IP_EVENTS_BURST: '100000',
    SOCKETS_PER_IP: '100000',
    ...options.env,
  });
  const app = await buildApp(config, {
    // Silent, unless a test reads the log (Hearth's real logger options, written to its destination).
    ...(options.logDestination ? { logDestination: options.logDestination } : { logger: false }),
    onRoute: (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    },
  });
  const db: TestSql = app.store.engine === 'pg' ? pgTestSql((app.store as PgStore).handle.pool) : sqliteTestSql(app.sqlite.sqlite);
  const sites: TestSite[] = [];
  for (const name of ['a', 'b']) {
    const ownerEmail = `owner@${name}.test`;
    const agentEmail = `agent@${name}.test`;
    const existing = await db.one<{ id: string; key: string }>('select id, key from sites where name = ?', [`Site ${name}`]);
    const created: { id: string; key: string } =
      existing ??
      (await createSiteWithTeam(app.store, { name: `Site ${name}` }, [
        { email: ownerEmail, name: `Owner ${name.toUpperCase()}`, password: PASSWORD, role: 'owner' },
        { email: agentEmail, name: `Agent ${name.toUpperCase()}`, password: PASSWORD, role: 'agent' },
      ]).then((r) => ({ id: r.siteId, key: r.siteKey })));
    sites.push({ siteId: created.id, siteKey: created.key, ownerEmail, agentEmail });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const sockets: Socket[] = [];

  const harness = {
    app: app as FastifyInstance,
    url,
    siteA: sites[0]!,
    siteB: sites[1]!,
    /** Every route the app registered (from an onRoute hook), so suites cover routes added later. */
    routes,

    async post(path: string, body: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null };
    },

    /** Any HTTP call with an optional session cookie; the answer's JSON and the cookie it set, if any. */
    async request(method: string, path: string, cookie: string | null, body?: unknown) {
      const res = await fetch(url + path, {
        method,
        headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return {
        status: res.status,
        cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null,
        body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string } },
      };
    },

    async visitorSession(siteKey: string, token: string | null = null): Promise<WidgetSessionResponse> {
      const res = await harness.post('/api/widget/session', { siteKey, token });
      if (res.status !== 200) throw new Error(`session failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as WidgetSessionResponse;
    },

    /** A connected visitor socket; pass a token to be the same visitor again (another tab, a reload). */
    async visitor(siteKey = sites[0]!.siteKey, token?: string) {
      const session = await harness.visitorSession(siteKey, token ?? null);
      const socket: VisitorClient = connect(url + VISITOR_NAMESPACE, {
        auth: { token: session.token },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      sockets.push(socket as Socket);
      await connected(socket);
      return { socket, session };
    },

    async login(email: string, password = PASSWORD): Promise<string> {
      const res = await harness.post('/api/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
      const cookie = res.headers.get('set-cookie');
      if (!cookie) throw new Error('no session cookie');
      return cookie.split(';')[0]!;
    },

    async agent(email = sites[0]!.agentEmail) {
      const cookie = await harness.login(email);
      const socket: AgentClient = connect(url + AGENT_NAMESPACE, {
        extraHeaders: { cookie },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      sockets.push(socket as Socket);
      await connected(socket);
      // Connecting makes an offline agent online (a write after the handshake): wait for it, so a
      // test's "before" snapshot or first routing decision sees the agent as present.
      const status = () => db.value<string>('select status from agents where email = ?', [email.toLowerCase()]);
      for (let i = 0; i < 100 && (await status()) === 'offline'; i++) await sleep(10);
      // …and for the queue drain that coming online starts (its own commit, a turn or two later).
      await sleep(30);
      await app.store.unit(async () => null);
      return { socket, cookie };
    },

    /** Adds `n` agents (role agent) to a site; returns their emails (password: PASSWORD). */
    async addAgents(site: TestSite, n: number, prefix = 'extra'): Promise<string[]> {
      const hash = await hashPassword(PASSWORD);
      const emails: string[] = [];
      for (let i = 0; i < n; i++) {
        const id = crypto.randomUUID();
        const email = `${prefix}${i}.${site.siteId.slice(0, 8)}@agents.test`.toLowerCase();
        await db.all('insert into agents (id, email, name, password_hash, created_at) values (?, ?, ?, ?, 0)', [id, email, `${prefix} ${i}`, hash]);
        await db.all("insert into memberships (site_id, agent_id, role, created_at) values (?, ?, 'agent', 0)", [site.siteId, id]);
        emails.push(email);
      }
      return emails;
    },

    /**
     * Engine-neutral SQL for assertions and fixtures (`?` placeholders on both engines; see
     * TestSql in test-db.ts for what differs): use these, not `app.sqlite`, in tests.
     * @example const rows = await h.sql('select type from conversation_events where conversation_id = ? order by id', [id]);
     */
    sql: db.all,
    /** The first row, or undefined. */
    sqlOne: db.one,
    /** The first column of the first row, or undefined: `await h.sqlValue('select count(*) from messages')`. */
    sqlValue: db.value,
    /** Every table's name (migrations bookkeeping aside), for whole-database scans. */
    tables: db.tables,
    /** Every row of a table as JSON texts, sorted: comparable across calls on both engines. */
    async rowsOf(table: string): Promise<string[]> {
      return (await db.all(`select * from "${table}"`)).map((row) => JSON.stringify(row)).sort();
    },

    /** Counts rows, to prove a rejected input wrote nothing. */
    async count(table: 'messages' | 'conversations' | 'visitors' | 'page_views' | 'agent_sessions'): Promise<number> {
      return (await db.value<number>(`select count(*) from ${table}`)) ?? 0;
    },

    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
      pg?.release();
    },
  };
  return harness;
}

export type Harness = Awaited<ReturnType<typeof startServer>>;

export function connected(socket: Socket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Resolves with the next `event` payload that satisfies `match`, or rejects after `ms`. */
export function nextEvent<T = unknown>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, ms);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Collects every `event` payload from now on. */
export function record<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type EmitsOf<S> = S extends Socket<never, infer E> ? E : never;
type AckOf<F> = F extends (req: never, ack: (ack: infer A) => void) => void ? A : never;

/** Sends a command and waits (at most 5 s) for its typed ack. */
export function ask<S extends VisitorClient | AgentClient, E extends keyof EmitsOf<S> & string>(
  socket: S,
  event: E,
  payload: EmitsOf<S>[E] extends (req: infer R, ack: never) => void ? R : never,
): Promise<AckOf<EmitsOf<S>[E]>> {
  return (socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<AckOf<EmitsOf<S>[E]>> }).emitWithAck(event, payload);
}
