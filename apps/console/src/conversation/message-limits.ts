/**
 * Mirrors MESSAGE_BODY_MAX in @hearth/protocol's message.ts. Importing the value would pull the
 * protocol's zod schemas into the bundle; the server still enforces the real limit.
 */
export const MESSAGE_BODY_MAX = 5000;
