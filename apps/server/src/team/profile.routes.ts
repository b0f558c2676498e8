import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { AgentProfileUpdateSchema, type AgentId, type AgentProfile } from '@hearth/protocol';
import { requireAgent } from '../auth/request-auth.ts';

/**
 * Settings → My profile: any agent's own display name and avatar, which visitors see on the
 * conversation when the site shows agents. Only ever the caller's own row: there is no agent id
 * in the path to aim at someone else.
 */
export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.sqlite;
  const { agents } = schema;

  const profile = (agentId: AgentId): AgentProfile =>
    db.select({ agentId: agents.id, email: agents.email, name: agents.name, avatarUrl: agents.avatarUrl }).from(agents).where(eq(agents.id, agentId)).get()!;

  app.get('/api/agents/me/profile', async (request) => profile(requireAgent(app, request).agentId));

  app.put('/api/agents/me/profile', { schema: { body: AgentProfileUpdateSchema } }, async (request) => {
    const { agentId } = requireAgent(app, request);
    const { name, avatarUrl } = request.body;
    const patch = { ...(name === undefined ? {} : { name }), ...(avatarUrl === undefined ? {} : { avatarUrl }) };
    if (Object.keys(patch).length) await app.commits.run(() => db.update(agents).set(patch).where(eq(agents.id, agentId)).run());
    return profile(agentId);
  });
};
