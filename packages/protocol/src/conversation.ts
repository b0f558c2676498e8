import { z } from 'zod';
import type { AgentId, ConversationId, SiteId, VisitorId } from './ids.ts';
import type { CsatPrompt } from './csat.ts';

export const ConversationStatusSchema = z.enum(['open', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

export interface PageView {
  url: string;
  title: string;
  referrer: string | null;
  /** Epoch ms. */
  viewedAt: number;
}

export const PageViewInputSchema = z.strictObject({
  url: z.string().url().max(2048),
  title: z.string().max(512),
  referrer: z.string().max(2048).nullable(),
});
export type PageViewInput = z.infer<typeof PageViewInputSchema>;

/** What the visitor knows about their own conversation. */
export interface VisitorConversation {
  id: ConversationId;
  status: ConversationStatus;
  lastSeq: number;
  /** Highest seq the agent side has read: drives the visitor's "Seen" receipt. */
  agentReadSeq: number;
  assignedAgentName: string | null;
  /** The assigned agent's avatar (https URL) when they set one and the site shows agents; else initials. */
  assignedAgentAvatarUrl?: string | null;
  /** Set while waiting for an agent: the visitor's honest place in line. */
  queue: QueuePosition | null;
  /**
   * The CSAT question of this conversation: set once it is closed and had an agent reply, until
   * the change window ends; null otherwise (issue 5).
   */
  csat: CsatPrompt | null;
}

export interface QueuePosition {
  /** 1 = next in line. */
  position: number;
  /** null when no agent is online to estimate from. */
  estimatedWaitSeconds: number | null;
}

/** One row of an agent's inbox. */
export interface ConversationSummary {
  id: ConversationId;
  siteId: SiteId;
  visitorId: VisitorId;
  visitorName: string | null;
  status: ConversationStatus;
  assignedAgentId: AgentId | null;
  assignedAgentName: string | null;
  lastSeq: number;
  visitorReadSeq: number;
  agentReadSeq: number;
  lastMessage: { body: string; authorType: 'visitor' | 'agent' | 'system'; createdAt: number } | null;
  currentPage: { url: string; title: string } | null;
  departmentId: string | null;
  /** Waiting since (FIFO order); null once assigned. */
  queuedAt: number | null;
  assignedAt: number | null;
  /** Null while the assigned agent has not accepted yet (the accept timeout runs). */
  acceptedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** The conversation's labels (issue 6); optional so older fixtures stay valid. */
  labels?: Array<{ id: string; name: string; color: string }>;
}

export interface VisitorProfile {
  id: VisitorId;
  siteId: SiteId;
  name: string | null;
  email: string | null;
  userAgent: string | null;
  createdAt: number;
  lastSeenAt: number;
}
