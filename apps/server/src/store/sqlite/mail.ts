import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { schema, type HearthDb } from '@hearth/db';
import type { SiteId } from '@hearth/protocol';
import type { MailHeaders, MailStore, OutboxMail } from '../../mail/mail.store.ts';
import type { MailKind } from '../../mail/mail-kinds.ts';

const { mailOutbox, memberships, deactivatedMembers } = schema;

type Row = typeof mailOutbox.$inferSelect;

function parseHeaders(text: string): MailHeaders {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as MailHeaders) : {};
  } catch {
    return {};
  }
}

/** A row (SQLite or PostgreSQL: the same shape) as the sender sees it. */
export function toMail(row: Row): OutboxMail {
  return {
    id: row.id,
    kind: row.kind as MailKind,
    siteId: row.siteId,
    agentId: row.agentId,
    ref: row.ref,
    to: row.toAddress,
    subject: row.subject,
    text: row.text,
    html: row.html,
    headers: parseHeaders(row.headers),
    messageId: row.messageId,
    status: row.status,
    attempts: row.attempts,
    lastResponse: row.lastResponse,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sentAt: row.sentAt,
    nextAttemptAt: row.nextAttemptAt,
  };
}

export function sqliteMailStore(db: HearthDb): MailStore {
  /** Mail an owner may see: their sites', and account mail to their sites' members. */
  const visibleTo = (siteIds: readonly SiteId[]) => {
    const members = db.select({ id: memberships.agentId }).from(memberships).where(inArray(memberships.siteId, [...siteIds]));
    const deactivated = db.select({ id: deactivatedMembers.agentId }).from(deactivatedMembers).where(inArray(deactivatedMembers.siteId, [...siteIds]));
    return or(inArray(mailOutbox.siteId, [...siteIds]), inArray(mailOutbox.agentId, members), inArray(mailOutbox.agentId, deactivated));
  };

  return {
    async enqueue(mail) {
      db.insert(mailOutbox)
        .values({
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
        })
        .run();
    },

    async takeForSending(id, now, holdMs) {
      const taken = db
        .update(mailOutbox)
        .set({ status: 'sending', sendingUntil: now + holdMs, attempts: sql`${mailOutbox.attempts} + 1`, updatedAt: now })
        .where(and(eq(mailOutbox.id, id), or(inArray(mailOutbox.status, ['queued', 'retrying']), and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.sendingUntil, now)))))
        .returning()
        .get();
      if (taken) return { taken: toMail(taken) };
      const row = db.select({ status: mailOutbox.status, sendingUntil: mailOutbox.sendingUntil }).from(mailOutbox).where(eq(mailOutbox.id, id)).get();
      if (row?.status === 'sending') return { busyUntil: row.sendingUntil ?? now };
      return { done: true };
    },

    async markSent(id, response, now) {
      db.update(mailOutbox)
        .set({ status: 'sent', lastResponse: response.slice(0, 1000), sentAt: now, updatedAt: now, text: null, html: null, sendingUntil: null, nextAttemptAt: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')))
        .run();
    },

    async markRetrying(id, response, nextAttemptAt, now) {
      db.update(mailOutbox)
        .set({ status: 'retrying', lastResponse: response.slice(0, 1000), nextAttemptAt, updatedAt: now, sendingUntil: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')))
        .run();
    },

    async markFailed(id, response, now) {
      const row = db
        .update(mailOutbox)
        .set({ status: 'failed', lastResponse: response.slice(0, 1000), updatedAt: now, sendingUntil: null, nextAttemptAt: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')))
        .returning()
        .get();
      return row ? toMail(row) : null;
    },

    async requeue(id, visible, now) {
      if (visible.ownerSiteIds.length === 0) return false;
      const done = db
        .update(mailOutbox)
        .set({ status: 'retrying', nextAttemptAt: now, updatedAt: now })
        .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ['retrying', 'failed']), visibleTo(visible.ownerSiteIds)))
        .run();
      return done.changes === 1;
    },

    async find(id) {
      const row = db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get();
      return row ? toMail(row) : null;
    },

    async listFor(visible, limit) {
      if (visible.ownerSiteIds.length === 0) return [];
      return db
        .select()
        .from(mailOutbox)
        .where(visibleTo(visible.ownerSiteIds))
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(limit)
        .all()
        .map((row) => {
          const { text: _t, html: _h, headers: _hd, ref: _r, agentId: _a, ...status } = toMail(row);
          return status;
        });
    },

    async backlog() {
      const row = db
        .select({ n: sql<number>`count(*)` })
        .from(mailOutbox)
        .where(inArray(mailOutbox.status, ['queued', 'sending', 'retrying']))
        .get();
      return row?.n ?? 0;
    },

    async trim(before) {
      return db
        .delete(mailOutbox)
        .where(and(inArray(mailOutbox.status, ['sent', 'failed']), lt(mailOutbox.updatedAt, before)))
        .run().changes;
    },
  };
}
