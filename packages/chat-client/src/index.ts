export { splitLinks, type TextPart } from './links.ts';
export { mergeMessages, lastSeqOf } from './timeline.ts';
export { createOutbox, newClientId, type Outbox, type OutboxEntry, type KeyValueStorage } from './outbox.ts';
