import { defineConfig, type Plugin } from 'vite';

/**
 * engine.io-client bundles its WebTransport transport (~0.5 KB gzip) even when, as here, the socket
 * only ever asks for websocket and polling (chat-controller.ts) and the server offers no WebTransport.
 * Its module is swapped for an empty one so the bytes go to the panel's strings instead.
 */
const withoutWebTransport: Plugin = {
  name: 'hearth-without-webtransport',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer?.includes('engine.io-client') && source.endsWith('/webtransport.js')) return '\0hearth-no-webtransport';
    return null;
  },
  load(id) {
    return id === '\0hearth-no-webtransport' ? 'export const WT = undefined;' : null;
  },
};

/**
 * Vite wraps each dynamic import() in a helper that preloads the chunk's CSS and imports (~0.4 KB
 * gzip). The panel's lazy chunks (locale tables, emoji grid, CSAT card) have neither, and the panel
 * handles a failed import itself, so the helper is swapped for a plain call.
 */
const withoutPreloadHelper: Plugin = {
  name: 'hearth-without-preload-helper',
  enforce: 'pre',
  load(id) {
    return id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (importChunk) => importChunk();' : null;
  },
};

/**
 * The chat panel that runs in the iframe. The server serves dist/panel/frame.html at
 * /widget/frame.html and the hashed assets under /widget/assets/*, hence `base`.
 */
export default defineConfig({
  root: 'src/panel',
  base: '/widget/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [withoutWebTransport, withoutPreloadHelper],
  build: {
    outDir: '../../dist/panel',
    emptyOutDir: true,
    target: 'es2020',
    // Every modern browser supports modulepreload; the polyfill would only cost bytes.
    modulePreload: { polyfill: false },
    // terser packs ~1 KB gzip tighter than esbuild here: room for the three string tables (issue 6).
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } },
    rollupOptions: { input: 'src/panel/frame.html' },
  },
});
