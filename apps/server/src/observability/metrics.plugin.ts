import fp from 'fastify-plugin';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { commandAcked, type CommandAcked } from './command-channel.ts';

/** A value (or labelled values) read when Prometheus scrapes. */
export type GaugeReading = number | Array<{ labels: Record<string, string>; value: number }>;

/**
 * `app.metrics`: Hearth's Prometheus registry, served at `GET /metrics`.
 *
 * Built in: `hearth_messages_accepted_total{namespace}`, `hearth_command_ack_seconds{namespace,event}`
 * (histogram), `hearth_commands_total{namespace,event,outcome}`, `hearth_open_sockets{namespace}`,
 * `hearth_conversations_waiting`, `hearth_commit_batch_units` (histogram), `hearth_outbox_backlog{outbox}`
 * and `hearth_outbox_oldest_seconds{outbox}` for the outboxes that register, and the process's own
 * (`nodejs_eventloop_lag_p99_seconds` and the other event-loop lag figures, heap, CPU, open files).
 *
 * A feature adds what it owns:
 * @example
 * // mail/mail.plugin.ts: the outbox's backlog, read at scrape time through the store
 * app.metrics.registerOutbox('mail', {
 *   backlog: () => app.store.read.mail.pendingCount(),
 *   oldestSeconds: () => app.store.read.mail.oldestPendingAgeSeconds(Date.now()),
 * });
 * // any other reading
 * app.metrics.registerGauge({ name: 'hearth_mail_senders', help: 'SMTP connections open.', collect: () => pool.size });
 * // counters and histograms a feature updates itself
 * const sent = new Counter({ name: 'hearth_mail_sent_total', help: 'Mails accepted by the SMTP server.', registers: [app.metrics.registry] });
 */
export interface HearthMetrics {
  /** This app's registry (process-wide figures are kept apart and appended when served). */
  readonly registry: Registry;
  /**
   * An outbox's backlog: rows waiting to leave the process (mail, webhooks). `backlog` counts them;
   * `oldestSeconds`, if given, is the age of the oldest in seconds (0 when empty). Read at scrape
   * time; a reading that throws is left out of that scrape (and logged), never fails it.
   */
  registerOutbox(name: string, readings: { backlog: () => number | Promise<number>; oldestSeconds?: () => number | Promise<number> }): void;
  /** A gauge read at scrape time. Names start with `hearth_`; `labelNames` must match the labels returned. */
  registerGauge(options: { name: string; help: string; labelNames?: string[]; collect: () => GaugeReading | Promise<GaugeReading> }): void;
  /** The group commit's observer: one call per committed batch with its number of units. */
  commitBatch(units: number): void;
  /** The exposition text (Prometheus text format 0.0.4) and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
  /** The METRICS_PORT listener's address once listening; null when metrics are served on the main port. */
  listenerAddress(): AddressInfo | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: HearthMetrics;
  }
}

/**
 * Process-wide figures (event-loop lag, heap, CPU, file descriptors) belong to the process, not to
 * one app: collected once, whatever number of apps a test process builds.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

const namespaceLabel = (name: string) => name.replace(/^\//, '');

function createMetrics(app: FastifyInstance, listener: { server: Server | null }): HearthMetrics {
  const registry = new Registry();
  const registers = [registry];
  const messagesAccepted = new Counter({
    name: 'hearth_messages_accepted_total',
    help: 'message:send commands acked ok (a resend of an already stored client id is acked, and counted, again).',
    labelNames: ['namespace'],
    registers,
  });
  const ackSeconds = new Histogram({
    name: 'hearth_command_ack_seconds',
    help: 'Socket command latency from receipt to ack (parse, handler, commit), by event.',
    labelNames: ['namespace', 'event'],
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const commands = new Counter({
    name: 'hearth_commands_total',
    help: 'Socket commands acked, by event and outcome (ok or the error code).',
    labelNames: ['namespace', 'event', 'outcome'],
    registers,
  });
  const batchUnits = new Histogram({
    name: 'hearth_commit_batch_units',
    help: 'Units of work per committed SQLite group-commit batch (one fsync each).',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
    registers,
  });

  const registerGauge: HearthMetrics['registerGauge'] = ({ name, help, labelNames = [], collect }) => {
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        this.reset();
        try {
          const reading = await collect();
          if (typeof reading === 'number') this.set(reading);
          else for (const { labels, value } of reading) this.set(labels, value);
        } catch (err) {
          app.log.warn({ err, metric: name }, 'metric reading failed');
        }
      },
    });
  };

  registerGauge({
    name: 'hearth_open_sockets',
    help: 'Open Socket.IO connections on this node, by namespace.',
    labelNames: ['namespace'],
    collect: () =>
      app.hasDecorator('io') ? [app.visitorNsp, app.agentNsp].map((nsp) => ({ labels: { namespace: namespaceLabel(nsp.name) }, value: nsp.sockets.size })) : [],
  });
  registerGauge({
    name: 'hearth_conversations_waiting',
    help: 'Open conversations no agent holds, all sites (the same figure on every node).',
    collect: () => app.store.read.metrics.waitingConversations(),
  });

  const outboxes = new Map<string, { backlog: () => number | Promise<number>; oldestSeconds?: () => number | Promise<number> }>();
  const readOutboxes = async (pick: 'backlog' | 'oldestSeconds') => {
    const readings: Array<{ labels: Record<string, string>; value: number }> = [];
    for (const [outbox, read] of outboxes) {
      const reader = read[pick];
      if (!reader) continue;
      try {
        readings.push({ labels: { outbox }, value: await reader() });
      } catch (err) {
        app.log.warn({ err, outbox }, 'outbox reading failed');
      }
    }
    return readings;
  };
  registerGauge({
    name: 'hearth_outbox_backlog',
    help: 'Rows waiting in an outbox (mail, webhooks).',
    labelNames: ['outbox'],
    collect: () => readOutboxes('backlog'),
  });
  registerGauge({
    name: 'hearth_outbox_oldest_seconds',
    help: 'Age of the oldest row waiting in an outbox, in seconds.',
    labelNames: ['outbox'],
    collect: () => readOutboxes('oldestSeconds'),
  });

  // The command door's reports, for this app's sockets only.
  const onAcked = (message: unknown) => {
    const { socket, event, outcome, seconds } = message as CommandAcked;
    if (!app.hasDecorator('io') || socket.nsp.server !== app.io) return;
    const namespace = namespaceLabel(socket.nsp.name);
    ackSeconds.observe({ namespace, event }, seconds);
    commands.inc({ namespace, event, outcome });
    if (event === 'message:send' && outcome === 'ok') messagesAccepted.inc({ namespace });
  };
  subscribe(commandAcked.name, onAcked);
  app.addHook('onClose', async () => unsubscribe(commandAcked.name, onAcked));

  return {
    registry,
    registerGauge,
    registerOutbox(name, readings) {
      if (outboxes.has(name)) throw new Error(`outbox ${name} is registered twice`);
      outboxes.set(name, readings);
    },
    commitBatch: (units) => batchUnits.observe(units),
    async scrape() {
      const body = (await processMetrics().metrics()) + (await registry.metrics());
      return { contentType: registry.contentType, body };
    },
    listenerAddress: () => (listener.server?.address() as AddressInfo | null) ?? null,
  };
}

/** A request from this machine that no proxy forwarded: a proxy on the same host must not expose /metrics. */
function isLocalUnforwarded(request: FastifyRequest): boolean {
  const peer = request.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || /^(?:::ffff:)?127\./.test(peer);
  const { headers } = request;
  return loopback && headers['x-forwarded-for'] === undefined && headers.forwarded === undefined && headers['x-real-ip'] === undefined;
}

/**
 * `app.metrics` and where it is served: on `METRICS_PORT` (its own listener on METRICS_HOST, default
 * HOST, opened when the app is ready) or, when that is unset, at `GET /metrics` on the main port for
 * loopback clients only (404 for everyone else, as for an unknown path): never public by default.
 * Registered first, so the store can report its commit batches to it.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const listener: { server: Server | null } = { server: null };
    const metrics = createMetrics(app, listener);
    app.decorate('metrics', metrics);

    app.get('/metrics', async (request, reply) => {
      if (config.METRICS_PORT !== undefined || !isLocalUnforwarded(request)) {
        return reply.code(404).send({ error: { code: 'not_found', message: 'Not found.' } });
      }
      const { contentType, body } = await metrics.scrape();
      return reply.header('cache-control', 'no-store').type(contentType).send(body);
    });

    if (config.METRICS_PORT !== undefined) {
      const port = config.METRICS_PORT;
      const server = createServer((req, res) => {
        if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics\n');
          return;
        }
        metrics.scrape().then(
          ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body),
          (err: unknown) => {
            app.log.error({ err }, 'metrics scrape failed');
            res.writeHead(500, { 'content-type': 'text/plain' }).end('scrape failed\n');
          },
        );
      });
      // On ready (before the main port listens), so a taken METRICS_PORT fails the start.
      app.addHook('onReady', async () => {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, config.METRICS_HOST ?? config.HOST, () => {
            server.off('error', reject);
            server.on('error', (err) => app.log.error({ err }, 'metrics listener failed'));
            resolve();
          });
        });
        listener.server = server;
      });
      app.addHook('onClose', async () => {
        if (server.listening) await new Promise((resolve) => server.close(resolve));
      });
    }
  },
  { name: 'metrics' },
);
