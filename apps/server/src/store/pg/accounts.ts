import { and, asc, count, eq, gt, isNull, ne, type SQL } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { AccountRow, AccountStore } from '../../accounts/account.store.ts';

const { agents, agentSessions, passwordResets, emailChanges, memberships, deactivatedMembers } = pgSchema;

const accountColumns = { id: agents.id, email: agents.email, name: agents.name, locale: agents.locale, passwordHash: agents.passwordHash };

/**
 * Accounts on PostgreSQL. The single-use links are decided by one conditional UPDATE each (its row
 * lock makes a concurrent second use re-check and find the link used); an email change that races
 * another account to the same address loses on the unique index, and the unit is re-run.
 */
export function pgAccountStore(db: HearthPgDb): AccountStore {
  const one = async (where: SQL | undefined): Promise<AccountRow | null> => (await db.select(accountColumns).from(agents).where(where))[0] ?? null;
  const n = (rows: Array<{ n: number | string }>) => Number(rows[0]?.n ?? 0);
  return {
    byId: (agentId) => one(eq(agents.id, agentId)),
    byEmail: (email) => one(eq(agents.email, email)),
    async setPassword(agentId, passwordHash) {
      await db.update(agents).set({ passwordHash }).where(eq(agents.id, agentId));
    },
    async endSessions(agentId, keep) {
      const where = keep === null ? eq(agentSessions.agentId, agentId) : and(eq(agentSessions.agentId, agentId), ne(agentSessions.tokenHash, keep));
      return (await db.delete(agentSessions).where(where).returning({ tokenHash: agentSessions.tokenHash })).map((r) => r.tokenHash);
    },

    async addPasswordReset(token) {
      await db.insert(passwordResets).values(token);
    },
    async passwordResetsSince(agentId, since) {
      return n(await db.select({ n: count() }).from(passwordResets).where(and(eq(passwordResets.agentId, agentId), gt(passwordResets.createdAt, since))));
    },
    async usePasswordReset(tokenHash, now) {
      const [used] = await db
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
        .returning({ agentId: passwordResets.agentId });
      if (!used) return null;
      await db.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.agentId, used.agentId), isNull(passwordResets.usedAt)));
      return used.agentId;
    },

    async addEmailChange(token) {
      await db.insert(emailChanges).values(token);
    },
    async emailChangesSince(agentId, since) {
      return n(await db.select({ n: count() }).from(emailChanges).where(and(eq(emailChanges.agentId, agentId), gt(emailChanges.createdAt, since))));
    },
    async useEmailChange(tokenHash, now) {
      const [used] = await db
        .update(emailChanges)
        .set({ usedAt: now })
        .where(and(eq(emailChanges.tokenHash, tokenHash), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
        .returning({ agentId: emailChanges.agentId, newEmail: emailChanges.newEmail });
      if (!used) return { kind: 'invalid' };
      const account = await one(eq(agents.id, used.agentId));
      if (!account) return { kind: 'invalid' };
      const [holder] = await db.select({ id: agents.id }).from(agents).where(eq(agents.email, used.newEmail));
      if (holder && holder.id !== used.agentId) return { kind: 'taken', newEmail: used.newEmail };
      await db.update(agents).set({ email: used.newEmail }).where(eq(agents.id, used.agentId));
      await db.update(emailChanges).set({ usedAt: now }).where(and(eq(emailChanges.agentId, used.agentId), isNull(emailChanges.usedAt)));
      return { kind: 'changed', agentId: used.agentId, oldEmail: account.email, newEmail: used.newEmail, name: account.name, locale: account.locale };
    },

    async deactivate({ siteId, agentId, by, now }) {
      const [member] = await db.delete(memberships).where(and(eq(memberships.siteId, siteId), eq(memberships.agentId, agentId))).returning();
      if (!member) return false;
      await db.insert(deactivatedMembers).values({ siteId, agentId, role: member.role, maxChats: member.maxChats, joinedAt: member.createdAt, deactivatedAt: now, deactivatedBy: by });
      return true;
    },
    async reactivate(siteId, agentId) {
      const [row] = await db.delete(deactivatedMembers).where(and(eq(deactivatedMembers.siteId, siteId), eq(deactivatedMembers.agentId, agentId))).returning();
      if (!row) return false;
      await db.insert(memberships).values({ siteId, agentId, role: row.role, maxChats: row.maxChats, createdAt: row.joinedAt }).onConflictDoNothing();
      return true;
    },
    async deactivatedOf(siteId) {
      return db
        .select({ agentId: agents.id, name: agents.name, email: agents.email, role: deactivatedMembers.role, deactivatedAt: deactivatedMembers.deactivatedAt })
        .from(deactivatedMembers)
        .innerJoin(agents, eq(agents.id, deactivatedMembers.agentId))
        .where(eq(deactivatedMembers.siteId, siteId))
        .orderBy(asc(agents.name));
    },
    async isLockedOut(agentId) {
      if (n(await db.select({ n: count() }).from(memberships).where(eq(memberships.agentId, agentId))) > 0) return false;
      return n(await db.select({ n: count() }).from(deactivatedMembers).where(eq(deactivatedMembers.agentId, agentId))) > 0;
    },
    async allMemberships(agentId) {
      const active = await db.select({ siteId: memberships.siteId, role: memberships.role }).from(memberships).where(eq(memberships.agentId, agentId));
      const inactive = await db.select({ siteId: deactivatedMembers.siteId, role: deactivatedMembers.role }).from(deactivatedMembers).where(eq(deactivatedMembers.agentId, agentId));
      return [...active.map((m) => ({ ...m, active: true })), ...inactive.map((m) => ({ ...m, active: false }))];
    },
  };
}
