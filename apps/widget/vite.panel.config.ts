import { defineConfig } from 'vite';

/**
 * The chat panel that runs in the iframe. The server serves dist/panel/frame.html at
 * /widget/frame.html and the hashed assets under /widget/assets/*, hence `base`.
 */
export default defineConfig({
  root: 'src/panel',
  base: '/widget/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../../dist/panel',
    emptyOutDir: true,
    target: 'es2020',
    // Every modern browser supports modulepreload; the polyfill would only cost bytes.
    modulePreload: { polyfill: false },
    // terser packs ~1 KB gzip tighter than esbuild here: room for the three string tables (issue 6).
    minify: 'terser',
    terserOptions: { compress: { passes: 3, pure_getters: true }, mangle: { properties: false }, format: { comments: false } },
    rollupOptions: { input: 'src/panel/frame.html' },
  },
});
