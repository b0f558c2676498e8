import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@hearth/db';
import { InvitationCreateSchema, MemberUpdateSchema, SiteIdSchema, type AgentId, type CreatedInvitation, type SiteId, type TeamView } from '@hearth/protocol';
import { HttpError, requireSiteRole } from '../auth/request-auth.ts';
import { rooms } from '../plugins/io.ts';
import { createInvitation, pendingInvitations, revokeInvitation } from './invitations.ts';
import { decideTeamChange, type TeamChange } from './team-rules.ts';

const SiteParams = z.strictObject({ siteId: SiteIdSchema });
const MemberParams = z.strictObject({ siteId: SiteIdSchema, agentId: z.string().min(1).max(64) });
const InvitationParams = z.strictObject({ siteId: SiteIdSchema, invitationId: z.string().min(1).max(64) });

const { agents, memberships } = schema;

/**
 * Settings → Team: members and their roles, and invitations by link. Members may see the team;
 * owners change roles, remove members and invite. A site never loses its last owner.
 */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.sqlite;

  const members = (siteId: SiteId) =>
    db
      .select({ agentId: agents.id, name: agents.name, email: agents.email, role: memberships.role, avatarUrl: agents.avatarUrl })
      .from(memberships)
      .innerJoin(agents, eq(agents.id, memberships.agentId))
      .where(eq(memberships.siteId, siteId))
      .orderBy(agents.name)
      .all();

  const teamView = (siteId: SiteId, role: 'owner' | 'agent'): TeamView => ({
    members: members(siteId),
    invitations: role === 'owner' ? pendingInvitations(db, siteId, Date.now()) : [],
  });

  /** Checks the rule and writes, in one transaction: two owners demoting each other cannot both win. */
  const change = (siteId: SiteId, agentId: AgentId, what: TeamChange) =>
    app.commits.run(() => {
      const decision = decideTeamChange(members(siteId), agentId, what);
      if (!decision.ok) throw new HttpError(decision.status, decision.code, decision.message);
      const where = and(eq(memberships.siteId, siteId), eq(memberships.agentId, agentId));
      if (what.kind === 'remove') db.delete(memberships).where(where).run();
      else db.update(memberships).set({ role: what.role }).where(where).run();
    });

  app.get('/api/sites/:siteId/team', { schema: { params: SiteParams } }, async (request) => {
    const { role } = requireSiteRole(app, request, request.params.siteId, 'agent');
    return teamView(request.params.siteId, role);
  });

  app.put('/api/sites/:siteId/team/:agentId', { schema: { params: MemberParams, body: MemberUpdateSchema } }, async (request) => {
    const { siteId } = request.params;
    requireSiteRole(app, request, siteId, 'owner');
    await change(siteId, request.params.agentId as AgentId, { kind: 'set-role', role: request.body.role });
    return teamView(siteId, 'owner');
  });

  app.delete('/api/sites/:siteId/team/:agentId', { schema: { params: MemberParams } }, async (request) => {
    const { siteId } = request.params;
    const agentId = request.params.agentId as AgentId;
    requireSiteRole(app, request, siteId, 'owner');
    await change(siteId, agentId, { kind: 'remove' });
    // Their open consoles joined this site's rooms at connect: reconnecting scopes them anew.
    app.agentNsp.in(rooms.agent(agentId)).disconnectSockets(true);
    return teamView(siteId, 'owner');
  });

  app.post('/api/sites/:siteId/invitations', { schema: { params: SiteParams, body: InvitationCreateSchema } }, async (request, reply) => {
    const { siteId } = request.params;
    const owner = requireSiteRole(app, request, siteId, 'owner');
    const { invitation, token } = await app.commits.run(() => createInvitation(db, siteId, owner.agentId, request.body, Date.now()));
    const created: CreatedInvitation = { invitation, link: `/console/#/invite/${token}` };
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });

  app.delete('/api/sites/:siteId/invitations/:invitationId', { schema: { params: InvitationParams } }, async (request, reply) => {
    const { siteId, invitationId } = request.params;
    requireSiteRole(app, request, siteId, 'owner');
    const revoked = await app.commits.run(() => revokeInvitation(db, siteId, invitationId, Date.now()));
    if (!revoked) throw new HttpError(404, 'not_found', 'No pending invitation with that id.');
    return reply.code(204).send();
  });
};
