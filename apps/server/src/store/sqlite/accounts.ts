import { and, asc, count, eq, gt, isNull, ne } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { AccountRow, AccountStore } from '../../accounts/account.store.ts';

const { agents, agentSessions, passwordResets, emailChanges, memberships, deactivatedMembers } = schema;

const accountColumns = { id: agents.id, email: agents.email, name: agents.name, locale: agents.locale, passwordHash: agents.passwordHash };

export function sqliteAccountStore(db: HearthDb): AccountStore {
  const one = (where: ReturnType<typeof eq>): AccountRow | null => db.select(accountColumns).from(agents).where(where).get() ?? null;
  return {
    async byId(agentId) {
      return one(eq(agents.id, agentId));
    },
    async byEmail(email) {
      return one(eq(agents.email, email));
    },
    async setPassword(agentId, passwordHash) {
      db.update(agents).set({ passwordHash }).where(eq(agents.id, agentId)).run();
    },
    async endSessions(agentId, keep) {
      const where = keep === null ? eq(agentSessions.agentId, agentId) : and(eq(agentSessions.agentId, agentId), ne(agentSessions.tokenHash, keep));
      return db.delete(agentSessions).where(where).returning({ tokenHash: agentSessions.tokenHash }).all().map((r) => r.tokenHash);
    },

    async addPasswordReset(token) {
      db.insert(passwordResets).values(token).run();
    },
    async passwordResetsSince(agentId, since) {
      return db.select({ n: count() }).from(passwordResets).where(and(eq(passwordResets.agentId, agentId), gt(passwordResets.createdAt, since))).get()?.n ?? 0;
    },
    async usePasswordReset(tokenHash, now) {
      const used = db
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
        .returning({ agentId: passwordResets.agentId })
        .get();
      if (!used) return null;
      // One link ends them all: an older mail's link must not work after the password changed.
      db.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.agentId, used.agentId), isNull(passwordResets.usedAt))).run();
      return used.agentId;
    },

    async addEmailChange(token) {
      db.insert(emailChanges).values(token).run();
    },
    async emailChangesSince(agentId, since) {
      return db.select({ n: count() }).from(emailChanges).where(and(eq(emailChanges.agentId, agentId), gt(emailChanges.createdAt, since))).get()?.n ?? 0;
    },
    async useEmailChange(tokenHash, now) {
      const used = db
        .update(emailChanges)
        .set({ usedAt: now })
        .where(and(eq(emailChanges.tokenHash, tokenHash), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
        .returning({ agentId: emailChanges.agentId, newEmail: emailChanges.newEmail })
        .get();
      if (!used) return { kind: 'invalid' };
      const account = one(eq(agents.id, used.agentId));
      if (!account) return { kind: 'invalid' };
      const holder = db.select({ id: agents.id }).from(agents).where(eq(agents.email, used.newEmail)).get();
      if (holder && holder.id !== used.agentId) return { kind: 'taken', newEmail: used.newEmail };
      db.update(agents).set({ email: used.newEmail }).where(eq(agents.id, used.agentId)).run();
      db.update(emailChanges).set({ usedAt: now }).where(and(eq(emailChanges.agentId, used.agentId), isNull(emailChanges.usedAt))).run();
      return { kind: 'changed', agentId: used.agentId, oldEmail: account.email, newEmail: used.newEmail, name: account.name, locale: account.locale };
    },

    async deactivate({ siteId, agentId, by, now }) {
      const member = db.delete(memberships).where(and(eq(memberships.siteId, siteId), eq(memberships.agentId, agentId))).returning().get();
      if (!member) return false;
      db.insert(deactivatedMembers)
        .values({ siteId, agentId, role: member.role, maxChats: member.maxChats, joinedAt: member.createdAt, deactivatedAt: now, deactivatedBy: by })
        .run();
      return true;
    },
    async reactivate(siteId, agentId) {
      const row = db.delete(deactivatedMembers).where(and(eq(deactivatedMembers.siteId, siteId), eq(deactivatedMembers.agentId, agentId))).returning().get();
      if (!row) return false;
      db.insert(memberships).values({ siteId, agentId, role: row.role, maxChats: row.maxChats, createdAt: row.joinedAt }).onConflictDoNothing().run();
      return true;
    },
    async deactivatedOf(siteId) {
      return db
        .select({ agentId: agents.id, name: agents.name, email: agents.email, role: deactivatedMembers.role, deactivatedAt: deactivatedMembers.deactivatedAt })
        .from(deactivatedMembers)
        .innerJoin(agents, eq(agents.id, deactivatedMembers.agentId))
        .where(eq(deactivatedMembers.siteId, siteId))
        .orderBy(asc(agents.name))
        .all();
    },
    async isLockedOut(agentId) {
      const active = db.select({ n: count() }).from(memberships).where(eq(memberships.agentId, agentId)).get()?.n ?? 0;
      if (active > 0) return false;
      return (db.select({ n: count() }).from(deactivatedMembers).where(eq(deactivatedMembers.agentId, agentId)).get()?.n ?? 0) > 0;
    },
    async allMemberships(agentId) {
      const active = db.select({ siteId: memberships.siteId, role: memberships.role }).from(memberships).where(eq(memberships.agentId, agentId)).all();
      const inactive = db.select({ siteId: deactivatedMembers.siteId, role: deactivatedMembers.role }).from(deactivatedMembers).where(eq(deactivatedMembers.agentId, agentId)).all();
      return [...active.map((m) => ({ ...m, active: true })), ...inactive.map((m) => ({ ...m, active: false }))];
    },
  };
}
