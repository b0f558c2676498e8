import { defineConfig } from 'vite';

/**
 * The embed loader: one self-contained, minified IIFE at dist/loader/widget.js, served by the Hearth
 * server as /widget.js. No dependencies and no exports, so it defines no global of its own.
 */
export default defineConfig({
  build: {
    outDir: 'dist/loader',
    emptyOutDir: true,
    // es2020 keeps `?.` and `??` as written (es2019 expands each into a temporary and two tests) and
    // terser packs tighter than esbuild: together ~330 B gzip, which the trigger detectors needed to
    // fit the 6 KB budget. es2020 = Chrome 80, Safari 13.1, Firefox 72 and later.
    target: 'es2020',
    minify: 'terser',
    // Extra passes and arrow/method rewrites: safe for this code (no `this`-sensitive functions or
    // getters with side effects), and they keep the loader under its budget with identify added.
    terserOptions: { compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } },
    lib: {
      entry: 'src/loader/index.ts',
      formats: ['iife'],
      // Required by vite for the iife format; with no exports, rollup assigns no global to it.
      name: 'HearthLoader',
      fileName: () => 'widget.js',
    },
  },
});
