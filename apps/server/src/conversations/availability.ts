import type { FastifyInstance } from 'fastify';
import { rooms } from '../plugins/io.ts';

/**
 * "Are any agents of this site online?" is answered from Socket.IO's rooms, through the adapter,
 * so it stays right when several nodes share a Redis adapter.
 */
export async function agentsOnline(app: FastifyInstance, siteId: string): Promise<boolean> {
  const sockets = await app.agentNsp.in(rooms.siteAgents(siteId)).fetchSockets();
  return sockets.length > 0;
}

export async function announceAvailability(app: FastifyInstance, siteIds: readonly string[]): Promise<void> {
  for (const siteId of siteIds) {
    app.visitorNsp.to(rooms.siteVisitors(siteId)).emit('availability:changed', { agentsOnline: await agentsOnline(app, siteId) });
  }
}
