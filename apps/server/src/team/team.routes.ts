import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvitationCreateSchema, MemberUpdateSchema, SiteIdSchema, type AgentId, type CreatedInvitation, type SiteId, type TeamView } from '@hearth/protocol';
import { authorizeSite, HttpError } from '../auth/request-auth.ts';
import { rooms } from '../plugins/io.ts';
import { createInvitation, invitationPath, mailInvitation } from './invitations.ts';
import { decideTeamChange, type TeamChange } from './team-rules.ts';
import './team.store.ts';
import './invitation.store.ts';

const SiteParams = z.strictObject({ siteId: SiteIdSchema });
const MemberParams = z.strictObject({ siteId: SiteIdSchema, agentId: z.string().min(1).max(64) });
const InvitationParams = z.strictObject({ siteId: SiteIdSchema, invitationId: z.string().min(1).max(64) });

/**
 * Settings → Team: members and their roles, and invitations by link. Members may see the team;
 * owners change roles, remove members and invite. A site never loses its last owner.
 */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  const teamView = async (siteId: SiteId, role: 'owner' | 'agent'): Promise<TeamView> => ({
    members: await store.read.team.members(siteId),
    invitations: role === 'owner' ? await store.read.invitations.pending(siteId, Date.now()) : [],
  });

  /** Decides and writes in one unit (team locked on PostgreSQL): two owners demoting each other cannot both win. */
  const change = (siteId: SiteId, agentId: AgentId, what: TeamChange) =>
    store.unit(async (tx) => {
      const decision = decideTeamChange(await tx.team.membersForChange(siteId), agentId, what);
      if (!decision.ok) throw new HttpError(decision.status, decision.code, decision.message);
      if (what.kind === 'remove') await tx.team.removeMember(siteId, agentId);
      else await tx.team.setRole(siteId, agentId, what.role);
    });

  app.get('/api/sites/:siteId/team', { schema: { params: SiteParams } }, async (request) => {
    const { role } = await authorizeSite(store, request, request.params.siteId, 'agent');
    return teamView(request.params.siteId, role);
  });

  app.put('/api/sites/:siteId/team/:agentId', { schema: { params: MemberParams, body: MemberUpdateSchema } }, async (request) => {
    const { siteId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    await change(siteId, request.params.agentId as AgentId, { kind: 'set-role', role: request.body.role });
    return teamView(siteId, 'owner');
  });

  app.delete('/api/sites/:siteId/team/:agentId', { schema: { params: MemberParams } }, async (request) => {
    const { siteId } = request.params;
    const agentId = request.params.agentId as AgentId;
    await authorizeSite(store, request, siteId, 'owner');
    await change(siteId, agentId, { kind: 'remove' });
    // Their open consoles joined this site's rooms at connect: reconnecting scopes them anew.
    app.agentNsp.in(rooms.agent(agentId)).disconnectSockets(true);
    return teamView(siteId, 'owner');
  });

  app.post('/api/sites/:siteId/invitations', { schema: { params: SiteParams, body: InvitationCreateSchema } }, async (request, reply) => {
    const { siteId } = request.params;
    const owner = await authorizeSite(store, request, siteId, 'owner');
    const { invitation, token, mailed } = await store.unit(async (tx) => {
      const now = Date.now();
      const made = await createInvitation(tx, siteId, owner.agentId, request.body, now);
      // The mail is written with the invitation: both exist, or neither.
      const queued = await mailInvitation(tx, app.mail, { siteId, inviter: owner, invitation: made.invitation, path: invitationPath(made.token) }, now);
      return { ...made, mailed: queued };
    });
    const created: CreatedInvitation = { invitation, link: invitationPath(token), mailed };
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });

  app.delete('/api/sites/:siteId/invitations/:invitationId', { schema: { params: InvitationParams } }, async (request, reply) => {
    const { siteId, invitationId } = request.params;
    await authorizeSite(store, request, siteId, 'owner');
    const revoked = await store.unit((tx) => tx.invitations.revoke(siteId, invitationId, Date.now()));
    if (!revoked) throw new HttpError(404, 'not_found', 'No pending invitation with that id.');
    return reply.code(204).send();
  });
};
