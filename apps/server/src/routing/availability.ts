import type { FastifyInstance } from 'fastify';
import type { SiteId } from '@hearth/protocol';
import { rooms } from '../plugins/io.ts';
import { readSiteSettings } from '../sites/site-settings.ts';
import { isOpen } from './business-hours.ts';
import { onlineAgentCount } from './routing-queries.ts';

/**
 * "Can a visitor expect an answer now?" — an agent of the site is online (status in the
 * database, so every node agrees) and the site is within its business hours.
 */
export function agentsOnline(app: FastifyInstance, siteId: SiteId, now = Date.now()): boolean {
  const { db } = app.sqlite;
  return isOpen(readSiteSettings(db, siteId).routing.businessHours, now) && onlineAgentCount(db, siteId) > 0;
}

export function announceAvailability(app: FastifyInstance, siteIds: readonly SiteId[]): void {
  for (const siteId of siteIds) {
    app.visitorNsp.to(rooms.siteVisitors(siteId)).emit('availability:changed', { agentsOnline: agentsOnline(app, siteId) });
  }
}
