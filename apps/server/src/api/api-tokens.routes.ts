import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiTokenCreateSchema, SiteIdSchema } from '@hearth/protocol';
import { authorizeSite } from '../auth/request-auth.ts';
import { createApiToken } from './api-tokens.ts';

const siteParams = z.strictObject({ siteId: SiteIdSchema });
const tokenParams = z.strictObject({ siteId: SiteIdSchema, tokenId: z.string().min(1).max(64) });

/**
 * Owners manage their site's API tokens (Settings → API, or over HTTP for automation). The token
 * is in the POST's answer only; the list shows names, scopes, prefixes and last use.
 */
export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/api/sites/:siteId/api-tokens', { schema: { params: siteParams } }, async (request) => {
    await authorizeSite(store, request, request.params.siteId, 'owner');
    return { tokens: await store.read.api.listOf(request.params.siteId) };
  });

  app.post('/api/sites/:siteId/api-tokens', { schema: { params: siteParams, body: ApiTokenCreateSchema } }, async (request, reply) => {
    const owner = await authorizeSite(store, request, request.params.siteId, 'owner');
    const { name, scopes, expiresAt } = request.body;
    const now = Date.now();
    if (expiresAt != null && expiresAt <= now) return reply.code(400).send({ error: { code: 'invalid_payload', message: 'expiresAt must be in the future.' } });
    const created = await store.unit((tx) => createApiToken(tx, { siteId: request.params.siteId, agentId: owner.agentId, name, scopes, expiresAt: expiresAt ?? null, now }));
    request.log.info({ siteId: request.params.siteId, tokenId: created.id, tokenName: name, scopes }, 'api token created');
    return reply.code(201).send(created);
  });

  app.delete('/api/sites/:siteId/api-tokens/:tokenId', { schema: { params: tokenParams } }, async (request, reply) => {
    await authorizeSite(store, request, request.params.siteId, 'owner');
    const revoked = await store.unit((tx) => tx.api.revoke(request.params.siteId, request.params.tokenId, Date.now()));
    if (!revoked) return reply.code(404).send({ error: { code: 'not_found', message: 'No such API token.' } });
    request.log.info({ siteId: request.params.siteId, tokenId: request.params.tokenId }, 'api token revoked');
    return reply.code(204).send();
  });
};
