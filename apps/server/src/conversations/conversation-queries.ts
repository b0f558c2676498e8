import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { preparedStatements, schema, type HearthDb } from '@hearth/db';
import type {
  ConversationId,
  ConversationSummary,
  Message,
  PageView,
  SiteId,
  VisitorConversation,
  VisitorId,
  VisitorProfile,
} from '@hearth/protocol';
import { MESSAGE_PAGE_COUNT, SESSION_PAGES_CAP, sessionPages } from '@hearth/protocol';

import { csatPromptOf } from '../csat/csat-store.ts';
import { agentDisplay, presentAgent } from '../sites/agent-display.ts';
import { labelsOf } from '../labels/label-store.ts';

const { agents, conversations, messages, pageViews, visitors } = schema;

/** Rows one sync query reads; the answer is then cut to a page by count and bytes (security/paging.ts). */
export const SYNC_PAGE = MESSAGE_PAGE_COUNT + 1;
/** Open conversations listed in an inbox answer, newest activity first. */
export const INBOX_LIMIT = 500;

export const messageColumns = {
  id: messages.id,
  conversationId: messages.conversationId,
  seq: messages.seq,
  clientId: messages.clientId,
  authorType: messages.authorType,
  authorId: messages.authorId,
  authorName: messages.authorName,
  body: messages.body,
  createdAt: messages.createdAt,
};

export function messagesAfter(db: HearthDb, conversationId: ConversationId, afterSeq: number): Message[] {
  return db
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq))
    .limit(SYNC_PAGE)
    .all();
}

const summaryColumns = {
  id: conversations.id,
  siteId: conversations.siteId,
  visitorId: conversations.visitorId,
  visitorName: visitors.name,
  status: conversations.status,
  assignedAgentId: conversations.assignedAgentId,
  assignedAgentName: agents.name,
  lastSeq: conversations.lastSeq,
  visitorReadSeq: conversations.visitorReadSeq,
  agentReadSeq: conversations.agentReadSeq,
  lastMessageBody: conversations.lastMessageBody,
  lastMessageAuthorType: conversations.lastMessageAuthorType,
  lastMessageAt: conversations.lastMessageAt,
  currentUrl: visitors.currentUrl,
  currentTitle: visitors.currentTitle,
  departmentId: conversations.departmentId,
  queuedAt: conversations.queuedAt,
  assignedAt: conversations.assignedAt,
  acceptedAt: conversations.acceptedAt,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
};

type SummaryRow = NonNullable<ReturnType<ReturnType<typeof summaryQuery>['get']>>;

function toSummary(row: SummaryRow): ConversationSummary {
  return {
    id: row.id,
    siteId: row.siteId,
    visitorId: row.visitorId,
    visitorName: row.visitorName,
    status: row.status,
    assignedAgentId: row.assignedAgentId,
    assignedAgentName: row.assignedAgentName,
    lastSeq: row.lastSeq,
    visitorReadSeq: row.visitorReadSeq,
    agentReadSeq: row.agentReadSeq,
    lastMessage:
      row.lastMessageBody !== null && row.lastMessageAuthorType && row.lastMessageAt !== null
        ? { body: row.lastMessageBody, authorType: row.lastMessageAuthorType, createdAt: row.lastMessageAt }
        : null,
    currentPage: row.currentUrl ? { url: row.currentUrl, title: row.currentTitle ?? '' } : null,
    departmentId: row.departmentId,
    // Waiting conversations always have a place in line, even before the first drain set queuedAt.
    queuedAt: row.assignedAgentId === null && row.status === 'open' ? (row.queuedAt ?? row.createdAt) : null,
    assignedAt: row.assignedAt,
    acceptedAt: row.acceptedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function summaryQuery(db: HearthDb) {
  return db
    .select(summaryColumns)
    .from(conversations)
    .innerJoin(visitors, eq(visitors.id, conversations.visitorId))
    .leftJoin(agents, eq(agents.id, conversations.assignedAgentId));
}

/** Summaries carry their labels (issue 6): one extra query per batch, not per row. */
function withLabels(db: HearthDb, summaries: ConversationSummary[]): ConversationSummary[] {
  const labels = labelsOf(db, summaries.map((s) => s.id));
  return summaries.map((s) => ({ ...s, labels: labels.get(s.id) ?? [] }));
}

/** One conversation as an agent sees it, or null if it is not in one of `siteIds`. */
export function conversationSummary(db: HearthDb, siteIds: readonly SiteId[], id: ConversationId): ConversationSummary | null {
  if (siteIds.length === 0) return null;
  const row = summaryQuery(db)
    .where(and(eq(conversations.id, id), inArray(conversations.siteId, [...siteIds])))
    .get();
  return row ? withLabels(db, [toSummary(row)])[0]! : null;
}

/** Unscoped: only for server-side broadcasts whose audience is the conversation's own site. */
export function conversationSummaryForBroadcast(db: HearthDb, id: ConversationId): ConversationSummary | null {
  const row = summaryQuery(db).where(eq(conversations.id, id)).get();
  return row ? withLabels(db, [toSummary(row)])[0]! : null;
}

export function openConversations(db: HearthDb, siteIds: readonly SiteId[]): ConversationSummary[] {
  if (siteIds.length === 0) return [];
  const rows = summaryQuery(db)
    .where(and(inArray(conversations.siteId, [...siteIds]), eq(conversations.status, 'open')))
    .orderBy(desc(conversations.updatedAt))
    .limit(INBOX_LIMIT)
    .all();
  return withLabels(db, rows.map(toSummary));
}

/** The widget's view without the live queue position (the routing service adds it). */
type VisitorViewRow = Omit<VisitorConversation, 'queue'>;

function visitorViewQuery(db: HearthDb) {
  return db
    .select({
      id: conversations.id,
      status: conversations.status,
      lastSeq: conversations.lastSeq,
      agentReadSeq: conversations.agentReadSeq,
      assignedAgentName: agents.name,
      assignedAgentAvatarUrl: agents.avatarUrl,
      siteId: conversations.siteId,
      closedAt: conversations.closedAt,
    })
    .from(conversations)
    .leftJoin(agents, eq(agents.id, conversations.assignedAgentId));
}

type VisitorViewQueryRow = NonNullable<ReturnType<ReturnType<typeof visitorViewQuery>['get']>>;

/** Adds the CSAT question (issue 5) and presents the agent as the site's appearance says (issue 6). */
function toVisitorView(db: HearthDb, { siteId, closedAt, assignedAgentName, assignedAgentAvatarUrl, ...row }: VisitorViewQueryRow): VisitorViewRow {
  return {
    ...row,
    ...presentAgent(agentDisplay(db, siteId), assignedAgentName, assignedAgentAvatarUrl),
    csat: csatPromptOf(db, { id: row.id, siteId, status: row.status, closedAt }, Date.now()),
  };
}

/** The visitor's newest conversation (open or not), in the shape the widget sees. */
export function latestVisitorConversation(db: HearthDb, visitorId: VisitorId): VisitorViewRow | null {
  const row = visitorViewQuery(db)
    .where(eq(conversations.visitorId, visitorId))
    .orderBy(desc(conversations.createdAt), desc(conversations.lastSeq))
    .limit(1)
    .get();
  return row ? toVisitorView(db, row) : null;
}

// Runs after every message (the ack carries it): prepared once per database, because building and
// preparing this join per call was a fifth of the server's CPU at 2k msg/s (pnpm bench, --cpu-prof).
const visitorViewStatements = preparedStatements((db: HearthDb) => ({
  byId: visitorViewQuery(db).where(eq(conversations.id, sql.placeholder('id'))).prepare(),
}));

export function visitorConversationView(db: HearthDb, id: ConversationId): VisitorViewRow | null {
  const row = visitorViewStatements(db).byId.get({ id });
  return row ? toVisitorView(db, row) : null;
}

export function openConversationIdOf(db: HearthDb, visitorId: VisitorId): ConversationId | null {
  const row = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.visitorId, visitorId), eq(conversations.status, 'open')))
    .get();
  return row?.id ?? null;
}

export function visitorProfile(db: HearthDb, visitorId: VisitorId): VisitorProfile | null {
  const row = db
    .select({
      id: visitors.id,
      siteId: visitors.siteId,
      name: visitors.name,
      email: visitors.email,
      userAgent: visitors.userAgent,
      createdAt: visitors.createdAt,
      lastSeenAt: visitors.lastSeenAt,
    })
    .from(visitors)
    .where(eq(visitors.id, visitorId))
    .get();
  return row ?? null;
}

/**
 * "Pages visited this session": the newest `cap` views are enough to find the session's start, since
 * the session is cut at its first long gap and never holds more than `cap` views.
 */
export function currentSessionPages(db: HearthDb, visitorId: VisitorId, cap = SESSION_PAGES_CAP): PageView[] {
  const newest = db
    .select({ url: pageViews.url, title: pageViews.title, referrer: pageViews.referrer, viewedAt: pageViews.viewedAt })
    .from(pageViews)
    .where(eq(pageViews.visitorId, visitorId))
    .orderBy(desc(pageViews.viewedAt), desc(pageViews.id))
    .limit(cap)
    .all();
  return sessionPages(newest, cap);
}

export function ownsConversation(db: HearthDb, visitorId: VisitorId, id: ConversationId): boolean {
  const row = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.visitorId, visitorId)))
    .get();
  return row !== undefined;
}
