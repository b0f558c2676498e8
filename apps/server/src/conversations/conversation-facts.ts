import type { Message, SiteId } from '@hearth/protocol';
import type { ConversationEventInput } from './conversation-events.ts';

/**
 * The conversation core's facts (store/facts.ts), recorded with `tx.facts.record` in the unit that
 * makes them true; webhooks (and anything else that must react durably) subscribe with
 * `store.onFact`, post-commit listeners with `app.domainEvents`.
 */
declare module '../store/facts.ts' {
  interface Facts {
    /**
     * A row was added to the conversation event log (`conversation.started`, `.assigned`,
     * `.closed`, `.reopened`, `csat.rated`, …): recorded next to every event-log write.
     */
    'conversation.event': ConversationEventInput;
    /** A message was appended to a conversation (visitor, agent or system). */
    'message.created': { siteId: SiteId; message: Message };
  }
}
