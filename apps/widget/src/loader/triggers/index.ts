/**
 * The proactive-triggers chunk: an ES module the loader imports from Hearth's origin (see
 * triggers-link.ts) for sites with enabled triggers. It exports; it defines no global.
 */
export { startProactive } from './proactive.ts';
