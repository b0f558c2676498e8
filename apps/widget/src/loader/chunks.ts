import type { LoaderConfig } from './script-config.ts';

/**
 * The loader's lazily imported ES modules, under /widget-chunks/ on Hearth's origin: the proactive
 * triggers (sites with enabled triggers, once the page is idle) and the frame link (with the chat
 * frame). Their content-hashed names are baked in at build time (vite.loader.config.ts), so a
 * cached loader always imports the chunks it was built with.
 */
declare const __HEARTH_CHUNKS__: Record<'triggers' | 'frameLink', string>;

export const chunkUrl = (config: LoaderConfig, chunk: 'triggers' | 'frameLink'): string =>
  `${config.origin}/widget-chunks/${__HEARTH_CHUNKS__[chunk]}`;
