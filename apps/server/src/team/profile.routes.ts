import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgentProfileUpdateSchema, type AgentProfile } from '@hearth/protocol';
import { authenticate, HttpError } from '../auth/request-auth.ts';
import './team.store.ts';

/**
 * Settings → My profile: any agent's own display name and avatar, which visitors see on the
 * conversation when the site shows agents. Only ever the caller's own row: there is no agent id
 * in the path to aim at someone else.
 */
export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  const profile = async (agentId: AgentProfile['agentId']): Promise<AgentProfile> => {
    const found = await store.read.team.profile(agentId);
    // The session joined the agent's row a moment ago: gone now means deleted meanwhile.
    if (!found) throw new HttpError(401, 'unauthorized', 'Please sign in.');
    return found;
  };

  app.get('/api/agents/me/profile', async (request) => profile((await authenticate(store, request)).agentId));

  app.put('/api/agents/me/profile', { schema: { body: AgentProfileUpdateSchema } }, async (request) => {
    const { agentId } = await authenticate(store, request);
    const { name, avatarUrl } = request.body;
    const patch = { ...(name === undefined ? {} : { name }), ...(avatarUrl === undefined ? {} : { avatarUrl }) };
    if (Object.keys(patch).length) await store.unit((tx) => tx.team.updateProfile(agentId, patch));
    return profile(agentId);
  });
};
