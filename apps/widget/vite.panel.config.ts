import { defineConfig, type Plugin } from 'vite';

/**
 * engine.io-client bundles its default transports (XHR polling with its unload hooks, WebTransport;
 * ~1.5 KB gzip) even when, as here, the socket names its own implementations (chat-controller.ts:
 * WebSocket and fetch-based polling; the server offers no WebTransport). Their modules and the
 * default registry are swapped for an empty one, so only the named implementations remain.
 */
const UNNAMED_TRANSPORTS = /^\.\/(transports\/index|(transports\/)?(polling-xhr(\.node)?|webtransport))\.js$/;
const withoutDefaultTransports: Plugin = {
  name: 'hearth-without-default-transports',
  enforce: 'pre',
  resolveId(source, importer) {
    return importer?.includes('engine.io-client') && UNNAMED_TRANSPORTS.test(source) ? '\0hearth-no-default-transports' : null;
  },
  load(id) {
    return id === '\0hearth-no-default-transports' ? 'export const transports = {}, XHR = undefined, WT = undefined;' : null;
  },
};

/**
 * Every event between the panel and the server is JSON (the protocol's zod schemas): no ArrayBuffer,
 * Blob or typed array is ever sent or received. socket.io's binary support (~0.8 KB gzip: finding,
 * splitting and reassembling binary attachments, and engine.io's base64 decoder for binary over
 * polling) is swapped for stubs that say "nothing is binary". Binary from a server would not
 * decode: socket.io closes the connection with a parse error and reconnects.
 */
const BINARY_STUBS: Record<string, string> = {
  'socket.io-parser/is-binary.js': 'export const isBinary = () => false; export const hasBinary = () => false;',
  'socket.io-parser/binary.js': 'const none = () => { throw new Error("binary packets are not supported"); }; export const deconstructPacket = none, reconstructPacket = none;',
  'engine.io-parser/base64-arraybuffer.js': 'export const decode = () => { throw new Error("binary packets are not supported"); };',
};
const withoutBinary: Plugin = {
  name: 'hearth-without-binary',
  enforce: 'pre',
  resolveId(source, importer) {
    const pkg = importer?.match(/(socket\.io-parser|engine\.io-parser)\/build\/esm\//)?.[1];
    const key = pkg && `${pkg}/${source.split('/').pop()}`;
    return key && key in BINARY_STUBS ? `\0hearth-no-binary:${key}` : null;
  },
  load(id) {
    return id.startsWith('\0hearth-no-binary:') ? BINARY_STUBS[id.slice('\0hearth-no-binary:'.length)]! : null;
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
  plugins: [withoutDefaultTransports, withoutBinary, withoutPreloadHelper],
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
