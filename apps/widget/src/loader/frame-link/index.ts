/**
 * The frame-link chunk: an ES module the loader imports from Hearth's origin together with the chat
 * frame (see frame-link.ts). It exports; it defines no global.
 */
export { linkFrame } from './frame-link.ts';
