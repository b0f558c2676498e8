import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { RoutingSettingsSchema, SiteIdSchema, requiredText, type AgentId, type SiteId } from '@hearth/protocol';
import { HttpError, requireSiteRole } from '../auth/request-auth.ts';
import { readSiteSettings, updateSiteSettings } from '../sites/site-settings.ts';

const SiteParams = z.strictObject({ siteId: SiteIdSchema });
const MemberParams = z.strictObject({ siteId: SiteIdSchema, agentId: z.string().min(1).max(64) });
const MemberUpdate = z.strictObject({
  /** null = the site's default capacity. */
  maxChats: z.number().int().min(1, 'capacity must be at least 1').max(100).nullable().optional(),
  departmentIds: z.array(z.string().min(1).max(64)).max(50).optional(),
});

/** Owners configure routing: policy, capacities, timeouts, business hours, departments. */
export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.sqlite;

  const routingView = (siteId: SiteId) => ({
    settings: readSiteSettings(db, siteId).routing,
    departments: db.select({ id: schema.departments.id, name: schema.departments.name }).from(schema.departments).where(eq(schema.departments.siteId, siteId)).all(),
    members: db
      .select({ agentId: schema.agents.id, name: schema.agents.name, role: schema.memberships.role, maxChats: schema.memberships.maxChats })
      .from(schema.memberships)
      .innerJoin(schema.agents, eq(schema.agents.id, schema.memberships.agentId))
      .where(eq(schema.memberships.siteId, siteId))
      .all(),
  });

  app.get('/api/sites/:siteId/routing', { schema: { params: SiteParams } }, async (request) => {
    requireSiteRole(app, request, request.params.siteId, 'agent');
    return routingView(request.params.siteId);
  });

  app.put('/api/sites/:siteId/routing', { schema: { params: SiteParams, body: RoutingSettingsSchema.partial() } }, async (request) => {
    const { siteId } = request.params;
    requireSiteRole(app, request, siteId, 'owner');
    const current = readSiteSettings(db, siteId).routing;
    await app.commits.run(() => updateSiteSettings(db, siteId, { routing: RoutingSettingsSchema.parse({ ...current, ...request.body }) }));
    // Raised capacity or new hours may let waiting visitors in right away.
    await app.conversationRouter.drain(siteId);
    return routingView(siteId);
  });

  app.put('/api/sites/:siteId/members/:agentId', { schema: { params: MemberParams, body: MemberUpdate } }, async (request) => {
    const { siteId } = request.params;
    const agentId = request.params.agentId as AgentId;
    requireSiteRole(app, request, siteId, 'owner');
    const { maxChats, departmentIds } = request.body;
    await app.commits.run(() => {
      const member = db
        .select({ agentId: schema.memberships.agentId })
        .from(schema.memberships)
        .where(and(eq(schema.memberships.siteId, siteId), eq(schema.memberships.agentId, agentId)))
        .get();
      if (!member) throw new HttpError(404, 'not_found', 'That agent is not a member of this site.');
      if (maxChats !== undefined) {
        db.update(schema.memberships).set({ maxChats }).where(and(eq(schema.memberships.siteId, siteId), eq(schema.memberships.agentId, agentId))).run();
      }
      if (departmentIds !== undefined) {
        const owned = departmentIds.length
          ? db.select({ id: schema.departments.id }).from(schema.departments).where(and(eq(schema.departments.siteId, siteId), inArray(schema.departments.id, departmentIds))).all()
          : [];
        if (owned.length !== new Set(departmentIds).size) throw new HttpError(400, 'invalid_payload', 'Unknown department for this site.');
        const siteDepartments = db.select({ id: schema.departments.id }).from(schema.departments).where(eq(schema.departments.siteId, siteId)).all().map((d) => d.id);
        if (siteDepartments.length) {
          db.delete(schema.agentDepartments).where(and(eq(schema.agentDepartments.agentId, agentId), inArray(schema.agentDepartments.departmentId, siteDepartments))).run();
        }
        for (const d of new Set(departmentIds)) db.insert(schema.agentDepartments).values({ agentId, departmentId: d }).run();
      }
    });
    await app.conversationRouter.drain(siteId);
    return routingView(siteId);
  });

  app.post(
    '/api/sites/:siteId/departments',
    { schema: { params: SiteParams, body: z.strictObject({ name: requiredText(80, 'a department name') }) } },
    async (request, reply) => {
      const { siteId } = request.params;
      requireSiteRole(app, request, siteId, 'owner');
      const id = randomUUID();
      const created = await app.commits.run(() =>
        db.insert(schema.departments).values({ id, siteId, name: request.body.name, createdAt: Date.now() }).onConflictDoNothing().run(),
      );
      if (created.changes === 0) throw new HttpError(409, 'conflict', 'A department with that name exists.');
      return reply.code(201).send({ id, name: request.body.name });
    },
  );
};
