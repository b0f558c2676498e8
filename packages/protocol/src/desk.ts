import { z } from 'zod';
import { requiredBody, requiredText } from './text-fields.ts';
import { HexColorSchema, VisitorAttributesSchema, type VisitorAttributes } from './appearance.ts';
import { ClientMessageIdSchema, ConversationIdSchema, type AgentId, type ConversationId, type SiteId, type VisitorId } from './ids.ts';
import type { ConversationStatus } from './conversation.ts';

/**
 * The agents' desk (issue 6): internal notes, labels and the visitor's tracked events. Notes live in
 * their own table and travel only on the agent namespace: no visitor command can read them.
 */
export const NOTE_BODY_MAX = 5000;

export const AddNoteSchema = z.strictObject({
  conversationId: ConversationIdSchema,
  clientId: ClientMessageIdSchema,
  body: requiredBody(NOTE_BODY_MAX, 'a note'),
});

/** An internal note: seen by the site's agents, never by the visitor. */
export interface ConversationNote {
  id: string;
  conversationId: ConversationId;
  clientId: string;
  authorId: AgentId;
  authorName: string;
  body: string;
  createdAt: number;
}

export const LabelInputSchema = z.strictObject({
  name: requiredText(32, 'a label'),
  color: HexColorSchema,
});
export type LabelInput = z.infer<typeof LabelInputSchema>;

/** A per-site label ("billing", "vip") agents put on conversations. */
export interface Label {
  id: string;
  siteId: SiteId;
  name: string;
  color: string;
}

export const LabelIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const ConversationLabelSchema = z.strictObject({ conversationId: ConversationIdSchema, labelId: LabelIdSchema });

/** `Hearth('track', name, props)` as stored: idempotent by (visitor, id), the newest 200 kept. */
export interface VisitorEvent {
  id: string;
  name: string;
  props: VisitorAttributes;
  /** The visitor's clock, epoch ms. */
  at: number;
}
export const VISITOR_EVENTS_KEPT = 200;
export const VisitorEventPropsSchema = VisitorAttributesSchema;

/** One of the visitor's other conversations, for the sidebar's history. */
export interface PastConversation {
  id: ConversationId;
  status: ConversationStatus;
  createdAt: number;
  lastMessage: string | null;
}

/** The sidebar's richer view of a visitor (attributes, locale, verification). */
export interface VisitorDetails {
  /** True when name/email came from a signed identify (HMAC), false when the page set them unsigned. */
  verified: boolean;
  attributes: VisitorAttributes;
  timeZone: string | null;
  language: string | null;
  events: VisitorEvent[];
  pastConversations: PastConversation[];
}

export interface VisitorTrackedFact {
  visitorId: VisitorId;
  conversationId: ConversationId;
  event: VisitorEvent;
}
