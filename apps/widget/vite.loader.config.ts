/// <reference types="node" />
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';

/** The chunks built just before (vite.chunks.config.ts); their hashed names are baked into the loader. */
function chunkNames(): Record<'triggers' | 'frameLink', string> {
  const dir = new URL('./dist/chunks/', import.meta.url);
  const files = existsSync(dir) ? readdirSync(dir) : [];
  const find = (prefix: string): string => {
    const name = files.find((f) => f.startsWith(prefix + '-') && f.endsWith('.js'));
    if (!name) throw new Error('Build the chunks first: vite build --config vite.chunks.config.ts');
    return name;
  };
  return { triggers: find('triggers'), frameLink: find('frame-link') };
}

/** Minifier settings, shared with the chunks (vite.chunks.config.ts). */
export const LOADER_MINIFY = {
  // es2020 keeps `?.` and `??` as written (es2019 expands each into a temporary and two tests) and
  // dynamic import() (the chunks); terser packs tighter than esbuild.
  // es2020 = Chrome 80, Safari 13.1, Firefox 72 and later.
  target: 'es2020',
  minify: 'terser',
  // Extra passes and arrow/method rewrites: safe for this code (no `this`-sensitive functions or
  // getters with side effects), and worth a few hundred bytes on every page of every site.
  terserOptions: { compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } },
} satisfies UserConfig['build'];

/**
 * The embed loader: one self-contained, minified IIFE at dist/loader/widget.js, served by the Hearth
 * server as /widget.js. No dependencies and no exports, so it defines no global of its own.
 */
const config: UserConfig = {
  build: {
    ...LOADER_MINIFY,
    outDir: 'dist/loader',
    emptyOutDir: true,
    lib: {
      entry: 'src/loader/index.ts',
      formats: ['iife'],
      // Required by vite for the iife format; with no exports, rollup assigns no global to it.
      name: 'HearthLoader',
      fileName: () => 'widget.js',
    },
  },
};

export default defineConfig(({ command }) => ({
  ...config,
  // Only a build needs the chunks' names (the chunks config imports this file for its settings).
  define: command === 'build' ? { __HEARTH_CHUNKS__: JSON.stringify(chunkNames()) } : {},
}));
