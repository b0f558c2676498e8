import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { pgSchema, type HearthPgDb } from '@hearth/db';
import type { SiteId } from '@hearth/protocol';
import type { MailStore } from '../../mail/mail.store.ts';
import { toMail } from '../sqlite/mail.ts';

const { mailOutbox, memberships, deactivatedMembers } = pgSchema;

/**
 * The mail outbox on PostgreSQL. `takeForSending` is one conditional UPDATE: its row lock makes a
 * second node's UPDATE wait, re-check the condition and find the mail already `sending`.
 */
export function pgMailStore(db: HearthPgDb): MailStore {
  const visibleTo = (siteIds: readonly SiteId[]) => {
    const members = db.select({ id: memberships.agentId }).from(memberships).where(inArray(memberships.siteId, [...siteIds]));
    const deactivated = db.select({ id: deactivatedMembers.agentId }).from(deactivatedMembers).where(inArray(deactivatedMembers.siteId, [...siteIds]));
    return or(inArray(mailOutbox.siteId, [...siteIds]), inArray(mailOutbox.agentId, members), inArray(mailOutbox.agentId, deactivated));
  };

  return {
    async enqueue(mail) {
      await db.insert(mailOutbox).values({
        id: mail.id,
        siteId: mail.siteId,
        agentId: mail.agentId,
        kind: mail.kind,
        ref: mail.ref,
        toAddress: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: JSON.stringify(mail.headers),
        messageId: mail.messageId,
        status: 'queued',
        createdAt: mail.now,
        updatedAt: mail.now,
        nextAttemptAt: mail.now,
      });
    },

    async takeForSending(id, now, holdMs) {
      const [taken] = await db
        .update(mailOutbox)
        .set({ status: 'sending', sendingUntil: now + holdMs, attempts: sql`${mailOutbox.attempts} + 1`, updatedAt: now })
        .where(and(eq(mailOutbox.id, id), or(inArray(mailOutbox.status, ['queued', 'retrying']), and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.sendingUntil, now)))))
        .returning();
      if (taken) return { taken: toMail(taken) };
      const [row] = await db.select({ status: mailOutbox.status, sendingUntil: mailOutbox.sendingUntil }).from(mailOutbox).where(eq(mailOutbox.id, id));
      if (row?.status === 'sending') return { busyUntil: row.sendingUntil ?? now };
      return { done: true };
    },

    async markSent(id, response, now) {
      await db
        .update(mailOutbox)
        .set({ status: 'sent', lastResponse: response.slice(0, 1000), sentAt: now, updatedAt: now, text: null, html: null, sendingUntil: null, nextAttemptAt: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));
    },

    async markRetrying(id, response, nextAttemptAt, now) {
      await db
        .update(mailOutbox)
        .set({ status: 'retrying', lastResponse: response.slice(0, 1000), nextAttemptAt, updatedAt: now, sendingUntil: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));
    },

    async markFailed(id, response, now) {
      const [row] = await db
        .update(mailOutbox)
        .set({ status: 'failed', lastResponse: response.slice(0, 1000), updatedAt: now, sendingUntil: null, nextAttemptAt: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')))
        .returning();
      return row ? toMail(row) : null;
    },

    async requeue(id, visible, now) {
      if (visible.ownerSiteIds.length === 0) return false;
      const done = await db
        .update(mailOutbox)
        .set({ status: 'retrying', nextAttemptAt: now, updatedAt: now })
        .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ['retrying', 'failed']), visibleTo(visible.ownerSiteIds)))
        .returning({ id: mailOutbox.id });
      return done.length === 1;
    },

    async find(id) {
      const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      return row ? toMail(row) : null;
    },

    async listFor(visible, limit) {
      if (visible.ownerSiteIds.length === 0) return [];
      const rows = await db
        .select()
        .from(mailOutbox)
        .where(visibleTo(visible.ownerSiteIds))
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(limit);
      return rows.map((row) => {
        const { text: _t, html: _h, headers: _hd, ref: _r, agentId: _a, ...status } = toMail(row);
        return status;
      });
    },

    async backlog() {
      const [row] = await db
        .select({ n: sql<string>`count(*)` })
        .from(mailOutbox)
        .where(inArray(mailOutbox.status, ['queued', 'sending', 'retrying']));
      return Number(row?.n ?? 0);
    },

    async trim(before) {
      const gone = await db
        .delete(mailOutbox)
        .where(and(inArray(mailOutbox.status, ['sent', 'failed']), lt(mailOutbox.updatedAt, before)))
        .returning({ id: mailOutbox.id });
      return gone.length;
    },
  };
}
