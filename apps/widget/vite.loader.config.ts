/// <reference types="node" />
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';

/** The triggers chunk built just before (vite.triggers.config.ts); its name is baked into the loader. */
function triggersChunk(): string {
  const dir = new URL('./dist/triggers/', import.meta.url);
  const name = existsSync(dir) ? readdirSync(dir).find((f) => /^triggers-[\w-]+\.js$/.test(f)) : undefined;
  if (!name) throw new Error('Build the triggers chunk first: vite build --config vite.triggers.config.ts');
  return name;
}

/** Minifier settings, shared with the triggers chunk (vite.triggers.config.ts). */
export const LOADER_MINIFY = {
  // es2020 keeps `?.` and `??` as written (es2019 expands each into a temporary and two tests) and
  // dynamic import() (the triggers chunk); terser packs tighter than esbuild.
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
  // Only a build needs the chunk's name (the triggers config imports this file for its settings).
  define: command === 'build' ? { __HEARTH_TRIGGERS_CHUNK__: JSON.stringify(triggersChunk()) } : {},
}));
