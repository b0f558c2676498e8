import { defineConfig } from 'vite';

/**
 * The console is served by the Hearth server under /console (SPA fallback to index.html),
 * with hashed assets under /console/assets/*. In dev, /api and /socket.io go to a local server.
 */
export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
