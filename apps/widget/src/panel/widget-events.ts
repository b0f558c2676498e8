import type { FrameToHost, HostIdentity, Message, VisitorConversation, VisitorProfileUpdate, WidgetEventName } from '@hearth/protocol';

/**
 * What the frame tells the host page's `Hearth('on', ...)` listeners: plain data only, because it
 * crosses postMessage into the host's code.
 */
export function messageEvent(name: Extract<WidgetEventName, `message:${string}`>, m: Message): FrameToHost {
  return { type: 'hearth:event', name, data: { conversationId: m.conversationId, body: m.body, author: m.authorType, authorName: m.authorName } };
}

export const conversationEvent = (name: Extract<WidgetEventName, `conversation:${string}`>, conversationId: string): FrameToHost => ({
  type: 'hearth:event',
  name,
  data: { conversationId },
});

/** The same conversation went from open to closed (an agent, a rule or the visitor ended it). */
export const wasClosed = (prev: VisitorConversation | null, next: VisitorConversation | null): boolean =>
  !!prev && !!next && prev.id === next.id && prev.status === 'open' && next.status === 'closed';

/** Agent messages whose ids are not in `seen`, in timeline order. */
export const unseenAgentMessages = (seen: ReadonlySet<string>, messages: readonly Message[]): Message[] =>
  messages.filter((m) => m.authorType === 'agent' && !seen.has(m.id));

/** A signed identity (id + hash) opens the host user's session; anything less is only a profile update. */
export const isSigned = (identity: HostIdentity | null): boolean => !!(identity?.id && identity.hash);

/**
 * The part of an identity that is a profile update (`visitor:update`): unverified name and email,
 * dropped when the server would refuse them (so one bad field does not lose the rest), and
 * attributes. A signed identity's name and email travel with the session instead. null: nothing to send.
 */
export function profileUpdateOf(identity: HostIdentity | null): VisitorProfileUpdate | null {
  if (!identity) return null;
  const update: VisitorProfileUpdate = {};
  if (!isSigned(identity)) {
    const name = identity.name?.trim();
    const email = identity.email?.trim();
    if (name && name.length <= 200) update.name = name;
    if (email && email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) update.email = email;
  }
  if (identity.attributes && Object.keys(identity.attributes).length > 0) update.attributes = identity.attributes;
  return Object.keys(update).length > 0 ? update : null;
}

/** The browser's time zone and language, sent once per session so the console can show the visitor's local time. */
export function browserProfile(): VisitorProfileUpdate {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { ...(timeZone ? { timeZone: timeZone.slice(0, 64) } : {}), language: navigator.language.slice(0, 35) };
}
