export * from './ids.ts';
export * from './ack.ts';
export * from './message.ts';
export * from './conversation.ts';
export * from './visitor-events.ts';
export * from './agent-events.ts';
export * from './http.ts';
export * from './embed.ts';
