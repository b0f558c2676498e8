import { defineConfig } from 'vite';
import { LOADER_MINIFY } from './vite.loader.config.ts';

/**
 * The proactive-triggers chunk: an ES module at dist/triggers/triggers-<hash>.js, served by the
 * Hearth server under /widget-triggers/ (immutable, any origin: the loader imports it from the host
 * page). Built before the loader, which bakes the hashed name in, so a cached loader and its chunk
 * always match. Same minifier settings as the loader.
 */
export default defineConfig({
  build: {
    ...LOADER_MINIFY,
    emptyOutDir: true,
    outDir: 'dist/triggers',
    lib: { entry: 'src/loader/triggers/index.ts', formats: ['es'], fileName: () => 'triggers-[hash].js' },
  },
});
