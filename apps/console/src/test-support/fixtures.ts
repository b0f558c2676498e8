import type {
  AgentId,
  ConversationDetail,
  ConversationId,
  ConversationSummary,
  Message,
  MessageId,
  SiteId,
  VisitorId,
} from '@hearth/protocol';

/** Ids are branded in the protocol; tests mint them from readable strings. */
export const cid = (id: string) => id as ConversationId;
export const sid = (id: string) => id as SiteId;
export const vid = (id: string) => id as VisitorId;
export const aid = (id: string) => id as AgentId;
export const mid = (id: string) => id as MessageId;

/** Builders for unit tests: a valid object with overrides. */
export function summary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: cid('c1'),
    siteId: sid('s1'),
    visitorId: vid('v1-abcdef123'),
    visitorName: null,
    status: 'open',
    assignedAgentId: null,
    assignedAgentName: null,
    lastSeq: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    lastMessage: null,
    currentPage: null,
    departmentId: null,
    queuedAt: null,
    assignedAt: null,
    acceptedAt: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

export function message(overrides: Partial<Message> = {}): Message {
  const seq = overrides.seq ?? 1;
  return {
    id: mid(`m${seq}`),
    conversationId: cid('c1'),
    seq,
    clientId: `client-${seq}-0000`,
    authorType: 'visitor',
    authorId: 'v1-abcdef123',
    authorName: null,
    body: `hello ${seq}`,
    createdAt: 2_000 + seq,
    ...overrides,
  };
}

export function detail(overrides: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    conversation: summary(),
    messages: [],
    hasMoreMessages: false,
    startedBy: null,
    visitor: {
      id: vid('v1-abcdef123'),
      siteId: sid('s1'),
      name: null,
      email: null,
      userAgent: null,
      createdAt: 1_000,
      lastSeenAt: 1_000,
    },
    pages: [],
    rating: null,
    notes: [],
    visitorDetails: { verified: false, attributes: {}, timeZone: null, language: null, events: [], pastConversations: [] },
    ...overrides,
  };
}

/** A Storage stand-in (the outbox and drafts keep their entries in sessionStorage); `data` shows what was written. */
export function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}
