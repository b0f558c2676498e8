import type { FastifyInstance } from 'fastify';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { schema } from '@hearth/db';
import type { AgentId, AgentStatus, ConversationId, QueuePosition, SiteId } from '@hearth/protocol';
import { rooms } from '../plugins/io.ts';
import { agentSiteIds } from '../auth/sessions.ts';
import { broadcastConversation } from '../conversations/broadcast.ts';
import { readSiteSettings } from '../sites/site-settings.ts';
import { assignWaiting, missAssignment, releaseAgentFromSite, setAgentStatus, takeAgentOffline, type Assignment } from './assignment.ts';
import { announceAvailability } from './availability.ts';
import { estimateWaitSeconds } from './queue-estimate.ts';
import { onlineAgentCount, queuedConversations, queuePosition, recentHandleSeconds } from './routing-queries.ts';

/**
 * Carries out routing decisions over time: drains the queue whenever a slot may have freed, runs
 * the accept timeouts and reconnect grace periods, and tells visitors and agents what changed.
 * All state lives in the database; the timers here only decide *when* to look again, and are
 * re-armed from the database on start, so a restart loses nothing.
 */
export class Router {
  private readonly acceptTimers = new Map<ConversationId, NodeJS.Timeout>();
  private readonly graceTimers = new Map<AgentId, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly app: FastifyInstance) {}

  private get db() {
    return this.app.sqlite.db;
  }

  /** Assigns whatever the site's free slots allow, then announces it. */
  async drain(siteId: SiteId): Promise<void> {
    if (this.closed) return;
    const assigned = await this.app.commits.run(() => assignWaiting(this.db, siteId, Date.now()));
    this.afterAssigned(assigned);
    this.broadcastQueue(siteId);
  }

  /** After any assignment (routed or transfer): start its accept clock and tell everyone. */
  afterAssigned(assignments: readonly Assignment[]): void {
    for (const a of assignments) {
      this.armAcceptTimer(a.conversationId, a.agentId, readSiteSettings(this.db, a.siteId).routing.acceptTimeoutSeconds * 1000);
      broadcastConversation(this.app, a.conversationId);
    }
  }

  /** The assigned agent accepted or answered: no timeout. */
  accepted(conversationId: ConversationId): void {
    clearTimeout(this.acceptTimers.get(conversationId));
    this.acceptTimers.delete(conversationId);
  }

  private armAcceptTimer(conversationId: ConversationId, agentId: AgentId, ms: number): void {
    this.accepted(conversationId);
    const timer = setTimeout(() => void this.acceptTimedOut(conversationId, agentId), ms);
    timer.unref();
    this.acceptTimers.set(conversationId, timer);
  }

  private async acceptTimedOut(conversationId: ConversationId, agentId: AgentId): Promise<void> {
    this.acceptTimers.delete(conversationId);
    if (this.closed) return;
    const outcome = await this.app.commits.run(() => missAssignment(this.db, conversationId, agentId, Date.now()));
    if (!outcome.missed) return;
    const summary = broadcastConversation(this.app, conversationId);
    if (outcome.agentSetAway) this.announceStatus(agentId, 'away', outcome.agentSetAway.reason);
    if (summary) await this.drain(summary.siteId);
  }

  /** A socket of this agent connected: cancel their grace period; an offline agent comes online. */
  async agentConnected(agentId: AgentId): Promise<void> {
    clearTimeout(this.graceTimers.get(agentId));
    this.graceTimers.delete(agentId);
    const agent = this.db.select({ status: schema.agents.status }).from(schema.agents).where(eq(schema.agents.id, agentId)).get();
    if (agent?.status === 'offline') await this.setStatus(agentId, 'online', null);
  }

  /** A socket closed: if it was the agent's last one, they keep their chats for the grace period. */
  async agentDisconnected(agentId: AgentId): Promise<void> {
    if (this.closed || (await this.hasSockets(agentId))) return;
    const siteIds = agentSiteIds(this.db, agentId);
    const graceMs = Math.max(0, ...siteIds.map((s) => readSiteSettings(this.db, s).routing.reconnectGraceSeconds)) * 1000;
    this.armGrace(agentId, graceMs);
  }

  private armGrace(agentId: AgentId, ms: number): void {
    clearTimeout(this.graceTimers.get(agentId));
    const timer = setTimeout(() => void this.graceExpired(agentId), ms);
    timer.unref();
    this.graceTimers.set(agentId, timer);
  }

  private async graceExpired(agentId: AgentId): Promise<void> {
    this.graceTimers.delete(agentId);
    if (this.closed || (await this.hasSockets(agentId))) return;
    const requeued = await this.app.commits.run(() => takeAgentOffline(this.db, agentId, Date.now()));
    for (const c of requeued) {
      this.accepted(c.conversationId);
      broadcastConversation(this.app, c.conversationId);
    }
    this.announceStatus(agentId, 'offline', null);
    for (const siteId of new Set(requeued.map((c) => c.siteId))) await this.drain(siteId);
  }

  /** The agent was deactivated on a site: their open chats there go back to its queue, then it drains. */
  async memberLeft(agentId: AgentId, siteId: SiteId): Promise<void> {
    if (this.closed) return;
    const requeued = await this.app.commits.run(() => releaseAgentFromSite(this.db, agentId, siteId, Date.now()));
    for (const id of requeued) {
      this.accepted(id);
      broadcastConversation(this.app, id);
    }
    await this.drain(siteId);
  }

  private async hasSockets(agentId: AgentId): Promise<boolean> {
    return (await this.app.agentNsp.in(rooms.agent(agentId)).fetchSockets()).length > 0;
  }

  /** Status set by the agent (or the system); coming online may free slots for the queue. */
  async setStatus(agentId: AgentId, status: AgentStatus, reason: string | null): Promise<void> {
    await this.app.commits.run(() => setAgentStatus(this.db, agentId, status, reason));
    this.announceStatus(agentId, status, reason);
    if (status === 'online') for (const siteId of agentSiteIds(this.db, agentId)) await this.drain(siteId);
  }

  private announceStatus(agentId: AgentId, status: AgentStatus, reason: string | null): void {
    const siteIds = agentSiteIds(this.db, agentId);
    for (const siteId of siteIds) this.app.agentNsp.to(rooms.siteAgents(siteId)).emit('agent:status-changed', { agentId, status, reason });
    announceAvailability(this.app, siteIds);
  }

  /** The visitor's honest place in line, or null if they are not waiting. */
  queueOf(conversationId: ConversationId): QueuePosition | null {
    const place = queuePosition(this.db, conversationId);
    if (!place) return null;
    return {
      position: place.position,
      estimatedWaitSeconds: estimateWaitSeconds({
        position: place.position,
        recentHandleSeconds: recentHandleSeconds(this.db, place.siteId),
        agentsOnline: onlineAgentCount(this.db, place.siteId),
      }),
    };
  }

  /**
   * Every waiting visitor of the site learns their (new) place in line. One pass over the queue:
   * positions count per department group, and the handling-time estimate is read once.
   */
  broadcastQueue(siteId: SiteId): void {
    const waiting = queuedConversations(this.db, siteId);
    if (waiting.length === 0) return;
    const recent = recentHandleSeconds(this.db, siteId);
    const online = onlineAgentCount(this.db, siteId);
    const ahead = new Map<string | null, number>();
    for (const w of waiting) {
      const position = (ahead.get(w.departmentId) ?? 0) + 1;
      ahead.set(w.departmentId, position);
      const estimatedWaitSeconds = estimateWaitSeconds({ position, recentHandleSeconds: recent, agentsOnline: online });
      this.app.visitorNsp.to(rooms.visitor(w.visitorId)).emit('queue:updated', { conversationId: w.id, position, estimatedWaitSeconds });
    }
  }

  /**
   * After a start: assigned-but-unaccepted conversations get a fresh accept clock, and agents the
   * database calls online (no socket can be connected yet) get a grace period to come back.
   */
  resume(): void {
    const { conversations, agents } = schema;
    const pending = this.db
      .select({ id: conversations.id, agentId: conversations.assignedAgentId, siteId: conversations.siteId })
      .from(conversations)
      .where(and(eq(conversations.status, 'open'), isNotNull(conversations.assignedAgentId), isNull(conversations.acceptedAt)))
      .all();
    for (const c of pending) {
      this.armAcceptTimer(c.id, c.agentId!, readSiteSettings(this.db, c.siteId).routing.acceptTimeoutSeconds * 1000);
    }
    const present = this.db.select({ id: agents.id }).from(agents).where(eq(agents.status, 'online')).all();
    for (const a of present) {
      const siteIds = agentSiteIds(this.db, a.id);
      this.armGrace(a.id, Math.max(0, ...siteIds.map((s) => readSiteSettings(this.db, s).routing.reconnectGraceSeconds)) * 1000);
    }
  }

  close(): void {
    this.closed = true;
    for (const t of [...this.acceptTimers.values(), ...this.graceTimers.values()]) clearTimeout(t);
    this.acceptTimers.clear();
    this.graceTimers.clear();
  }
}
