import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { HttpError, sendHttpError } from './auth/request-auth.ts';
import { CommandError } from './realtime/commands.ts';
import metricsPlugin from './observability/metrics.plugin.ts';
import healthPlugin from './observability/health.plugin.ts';
import { HearthLogController, loggerOptions, type LogDestination } from './observability/logger.ts';
import { createSecretRedactor } from './observability/redact.ts';
import lifecyclePlugin from './lifecycle/lifecycle.plugin.ts';
import clientAddressPlugin from './security/client-address.plugin.ts';
import storePlugin from './plugins/store.ts';
import domainEventsPlugin from './plugins/domain-events.ts';
import jobsPlugin from './jobs/jobs.plugin.ts';
import mailPlugin from './mail/mail.plugin.ts';
import webhooksPlugin from './webhooks/webhooks.plugin.ts';
import ioPlugin from './plugins/io.ts';
import clusterPlugin from './cluster/cluster.plugin.ts';
import realtimePlugin from './realtime/command-registry.ts';
import securityPlugin from './security/security.plugin.ts';
import visitorTokensPlugin from './auth/visitor-tokens.plugin.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { widgetSessionRoutes } from './widget/widget-session.routes.ts';
import { widgetConfigRoutes } from './widget/widget-config.routes.ts';
import routingPlugin from './routing/routing.plugin.ts';
import { routingRoutes } from './routing/routing.routes.ts';
import conversationsPlugin from './conversations/conversations.plugin.ts';
import notesPlugin from './notes/notes.plugin.ts';
import filesPlugin from './files/files.plugin.ts';
import closingPlugin from './closing/closing.plugin.ts';
import { transcriptRoutes } from './transcripts/transcripts.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { csatRoutes } from './csat/csat.routes.ts';
import { triggersRoutes } from './triggers/triggers.routes.ts';
import { dataCareRoutes } from './data-care/data-care.routes.ts';
import { siteSettingsRoutes } from './sites/site-settings.routes.ts';
import { sitesRoutes } from './sites/sites.routes.ts';
import { accountRoutes } from './accounts/account.routes.ts';
import { deactivationRoutes } from './accounts/deactivation.routes.ts';
import { teamRoutes } from './team/team.routes.ts';
import { invitationRoutes } from './team/invitation.routes.ts';
import { profileRoutes } from './team/profile.routes.ts';
import { cannedRoutes } from './canned/canned.routes.ts';
import { labelsRoutes } from './labels/labels.routes.ts';
import { apiPlugin } from './api/api.plugin.ts';
import { webRoutes } from './web/web.routes.ts';
import { demoRoutes } from './demo/demo.routes.ts';

/** The HTTP status of each use-case refusal (realtime/commands.ts CommandError). */
const COMMAND_STATUS: Record<CommandError['code'], number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  conversation_closed: 409,
  rate_limited: 429,
  internal: 500,
};

/** Fastify's compiler factories typed for JSON schemas; the zod compilers serve every schema Hearth has. */
const zodCompilersFactory = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

export interface AppOverrides {
  logger?: FastifyServerOptions['logger'];
  /** Hearth's own logger options (level, format, redaction) writing here instead of stdout: for tests of the log. */
  logDestination?: LogDestination;
  /** Sees every route as it is added: the trust suites enumerate routes with it. */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * The whole Hearth server as a Fastify instance, ready to `listen` or to `inject` in tests.
 * Registration order is the dependency order: infrastructure first, then features, then pages.
 */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  // Learns every route with a secret in its path (an invitation token) so no log line prints one.
  const redactor = createSecretRedactor();
  const app = Fastify({
    logger: overrides.logger ?? (await loggerOptions(config, redactor, overrides.logDestination)),
    // One debug line per request (observability/logger.ts): info is for the server's own news.
    logController: new HearthLogController(),
    // Every schema is zod (fastify-type-provider-zod): Fastify's JSON-schema compilers (ajv,
    // fast-json-stringify) are never loaded, about 0.15 s of CPU less at every start.
    schemaController: { compilersFactory: zodCompilersFactory },
    // The client behind a trusted proxy (TRUST_PROXY): request.ip, and so every limit and log line.
    trustProxy: config.TRUST_PROXY.enabled ? config.TRUST_PROXY.trust : false,
    bodyLimit: 64 * 1024,
    // Close keep-alive connections on shutdown instead of waiting for them.
    forceCloseConnections: true,
  });
  app.addHook('onRoute', (route) => redactor.addRoute(route.url));
  if (overrides.onRoute) app.addHook('onRoute', overrides.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // One error shape for every 4xx/5xx: { error: { code, message } }.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return sendHttpError(reply, error);
    // A use case's refusal (the console's acks) over HTTP (the REST API): its code, with its status.
    if (error instanceof CommandError) return sendHttpError(reply, new HttpError(COMMAND_STATUS[error.code], error.code, error.message));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const message = error.validation.map((v) => `${v.instancePath || '(body)'}: ${v.message}`).join('; ');
      return reply.code(400).send({ error: { code: 'invalid_payload', message } });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error, req: request }, 'request failed');
    return reply.code(status).send({
      error: { code: status === 500 ? 'internal' : (error.code ?? 'bad_request'), message: status === 500 ? 'Internal error.' : error.message },
    });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { code: 'not_found', message: 'Not found.' } }));

  await app.register(fastifyCookie);
  // Metrics first: the store reports its commit batches to it.
  await app.register(metricsPlugin, { config });
  await app.register(storePlugin, { config, observers: { onCommitBatch: (units) => app.metrics.commitBatch(units) } });
  await app.register(domainEventsPlugin);
  await app.register(jobsPlugin, { config });
  await app.register(mailPlugin, { config });
  await app.register(webhooksPlugin, { config });
  await app.register(visitorTokensPlugin);
  await app.register(ioPlugin);
  await app.register(clientAddressPlugin, { config });
  await app.register(lifecyclePlugin);
  await app.register(healthPlugin);
  await app.register(clusterPlugin, { config });
  await app.register(realtimePlugin);
  await app.register(securityPlugin, { config });

  await app.register(authRoutes, { config });
  await app.register(widgetSessionRoutes, { config });
  await app.register(widgetConfigRoutes);
  await app.register(routingPlugin);
  await app.register(routingRoutes);
  await app.register(notesPlugin);
  await app.register(filesPlugin, { config });
  await app.register(conversationsPlugin);
  await app.register(closingPlugin);
  await app.register(transcriptRoutes);
  await app.register(reportRoutes);
  await app.register(csatRoutes);
  await app.register(triggersRoutes);
  await app.register(dataCareRoutes);
  await app.register(siteSettingsRoutes);
  await app.register(sitesRoutes);
  await app.register(teamRoutes);
  await app.register(invitationRoutes, { config });
  await app.register(profileRoutes);
  await app.register(accountRoutes, { config });
  await app.register(deactivationRoutes);
  await app.register(cannedRoutes);
  await app.register(labelsRoutes);
  await app.register(apiPlugin, { config });

  await app.register(webRoutes, { config });
  // HEARTH_DEMO=false: no demo shop (an owner's own site must not show up in a fake one).
  if (config.HEARTH_DEMO) await app.register(demoRoutes, { publicUrl: config.PUBLIC_URL });
  return app;
}
