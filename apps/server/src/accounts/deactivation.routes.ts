import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiteIdSchema, type AgentId, type DeactivatedMember, type SiteId } from '@hearth/protocol';
import { authorizeSite, HttpError } from '../auth/request-auth.ts';
import { rooms } from '../plugins/io.ts';
import { decideTeamChange } from '../team/team-rules.ts';

declare module '../store/facts.ts' {
  interface Facts {
    /**
     * An owner deactivated a member of a site: routing hands their open chats there back to the
     * queue. `lockedOut`: the account is active on no site any more, so all its sessions ended.
     */
    'member.deactivated': { siteId: SiteId; agentId: AgentId; lockedOut: boolean };
  }
}

const SiteParams = z.strictObject({ siteId: SiteIdSchema });
const MemberParams = z.strictObject({ siteId: SiteIdSchema, agentId: z.string().min(1).max(64) });

/**
 * Settings → Team: owners deactivate a member (kept aside with their role, unable to work on the
 * site; an account deactivated everywhere cannot sign in) and reactivate them. The last owner of
 * a site can be neither deactivated nor removed: the decision and the write share one unit.
 */
export const deactivationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/api/sites/:siteId/team/deactivated', { schema: { params: SiteParams } }, async (request) => {
    await authorizeSite(store, request, request.params.siteId, 'owner');
    const members: DeactivatedMember[] = await store.read.accounts.deactivatedOf(request.params.siteId);
    return { members };
  });

  app.post('/api/sites/:siteId/team/:agentId/deactivate', { schema: { params: MemberParams } }, async (request, reply) => {
    const { siteId } = request.params;
    const agentId = request.params.agentId as AgentId;
    const owner = await authorizeSite(store, request, siteId, 'owner');
    const ended = await store.unit(async (tx) => {
      const decision = decideTeamChange(await tx.team.membersForChange(siteId), agentId, { kind: 'remove' });
      if (!decision.ok) throw new HttpError(decision.status, decision.code, decision.message);
      const now = Date.now();
      if (!(await tx.accounts.deactivate({ siteId, agentId, by: owner.agentId, now }))) throw new HttpError(404, 'not_found', 'That agent is not a member of this site.');
      const lockedOut = await tx.accounts.isLockedOut(agentId);
      const sessions = lockedOut ? await tx.accounts.endSessions(agentId, null) : [];
      await tx.facts.record('member.deactivated', { siteId, agentId, lockedOut });
      return sessions;
    });
    // Every console of theirs closes: signed out if they have no site left, otherwise it
    // reconnects scoped to the sites they still work on.
    for (const hash of ended) app.agentNsp.in(rooms.agentSession(hash)).disconnectSockets(true);
    app.agentNsp.in(rooms.agent(agentId)).disconnectSockets(true);
    return reply.code(204).send();
  });

  app.post('/api/sites/:siteId/team/:agentId/reactivate', { schema: { params: MemberParams } }, async (request, reply) => {
    const { siteId } = request.params;
    const agentId = request.params.agentId as AgentId;
    await authorizeSite(store, request, siteId, 'owner');
    const restored = await store.unit((tx) => tx.accounts.reactivate(siteId, agentId));
    if (!restored) throw new HttpError(404, 'not_found', 'That agent is not deactivated on this site.');
    app.agentNsp.in(rooms.agent(agentId)).disconnectSockets(true);
    return reply.code(204).send();
  });
};
