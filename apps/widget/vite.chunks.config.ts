import { defineConfig } from 'vite';
import { LOADER_MINIFY } from './vite.loader.config.ts';

/**
 * The loader's lazily imported chunks, ES modules at dist/chunks/<name>-<hash>.js (code they share
 * goes to shared-<hash>.js), served by the Hearth server under /widget-chunks/ (immutable, any
 * origin: the loader imports them from the host page). Built before the loader, which bakes the
 * hashed names in. Same minifier settings as the loader.
 */
export default defineConfig({
  build: {
    ...LOADER_MINIFY,
    outDir: 'dist/chunks',
    emptyOutDir: true,
    lib: {
      entry: { triggers: 'src/loader/triggers/index.ts', 'frame-link': 'src/loader/frame-link/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}-[hash].js`,
    },
    rollupOptions: { output: { chunkFileNames: 'shared-[hash].js' } },
  },
});
