/**
 * `pnpm build` for the server: an ES module bundle, `apps/server/dist/server.js` (plus a chunk per
 * dynamically imported module), that `pnpm start` runs with plain Node (no TypeScript loader).
 *
 * - Workspace packages (`@hearth/*`, whose `exports` point at `.ts` sources) are bundled; every other
 *   package stays an import resolved from `apps/server/node_modules` at run time (native modules,
 *   pino's worker files and the like keep working as installed). The build fails if a bundled
 *   workspace package imports a package the server itself cannot resolve.
 * - Files a source reads through `new URL('<relative>', import.meta.url)` move with the code: one
 *   inside the importing package (packages/db's migrations, the demo shop page) is copied to
 *   `dist/assets/<its repository path>` and the URL rewritten to it. One outside it (the widget's and
 *   console's builds) is left alone and must resolve to the same place from `dist/` as from its source
 *   file, which the build checks, so a moved file fails here instead of at run time.
 * - `dist/build-info.json` lists the inputs with the build time; `start.mjs` refuses to start a bundle
 *   older than any of them.
 */
import { build, type Plugin } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = resolve(serverRoot, '../..');
const outDir = join(serverRoot, 'dist');
const outFile = join(outDir, 'server.js');

/** `new URL('./x', import.meta.url)` with a string literal, the only form the rewrite understands. */
const ASSET_URL = /new URL\((['"])([^'"\n]+)\1,\s*import\.meta\.url\)/g;

/** The nearest directory holding a package.json: a source file's package. */
function packageDirOf(file: string): string {
  let dir = dirname(file);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${file}`);
    dir = up;
  }
  return dir;
}

const copiedAssets = new Set<string>();

const assetsPlugin: Plugin = {
  name: 'hearth-assets',
  setup(b) {
    // Bare imports: workspace packages are bundled, the rest stay external.
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@hearth/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const pkgDir = packageDirOf(args.path);
      const contents = source.replace(ASSET_URL, (whole, _q: string, rel: string) => {
        const target = resolve(dirname(args.path), rel);
        if (target.startsWith(pkgDir + sep) && existsSync(target)) {
          const repoPath = relative(repoRoot, target);
          cpSync(target, join(outDir, 'assets', repoPath), { recursive: true });
          copiedAssets.add(repoPath);
          return `new URL(${JSON.stringify(`./assets/${repoPath.split(sep).join('/')}${rel.endsWith('/') ? '/' : ''}`)}, import.meta.url)`;
        }
        const fromBundle = fileURLToPath(new URL(rel, pathToFileURL(outFile)));
        if (fromBundle.replace(/\/$/, '') !== target.replace(/\/$/, '')) {
          throw new Error(
            `${relative(repoRoot, args.path)}: new URL('${rel}', import.meta.url) points outside its package (${relative(repoRoot, target)}) ` +
              `and would resolve to ${relative(repoRoot, fromBundle)} from the bundle; move the file into the package or change the path.`,
          );
        }
        return whole;
      });
      return { contents, loader: 'ts' };
    });
  },
};

const started = performance.now();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const result = await build({
  entryPoints: [join(serverRoot, 'src/server.ts')],
  outdir: outDir,
  entryNames: '[name]',
  // A module imported with `await import()` (an engine, a mail sender used only when configured) becomes
  // its own chunk beside server.js, loaded, with the packages it imports, only when it is needed.
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: 'linked',
  // Stack traces name the source files through the map; names stay readable in profiles.
  minify: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [assetsPlugin],
});

// Every external package must resolve from the bundle's place (apps/server/node_modules).
const externals = new Set<string>();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imp of output.imports) {
    if (!imp.external || imp.path.startsWith('node:')) continue;
    const parts = imp.path.split('/');
    externals.add(imp.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
}
const builtins = new Set((await import('node:module')).builtinModules);
const missing = [...externals].filter((name) => !builtins.has(name) && !existsSync(join(serverRoot, 'node_modules', name, 'package.json')));
if (missing.length > 0) {
  throw new Error(`The bundle imports packages apps/server does not depend on: ${missing.join(', ')}. Add them to apps/server/package.json.`);
}

/** A copied directory counts file by file: editing a migration must make the build stale. */
const filesOf = (repoPath: string): string[] => {
  const full = join(repoRoot, repoPath);
  if (!statSync(full).isDirectory()) return [repoPath];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((name) => join(repoPath, name))
    .filter((p) => statSync(join(repoRoot, p)).isFile());
};
const inputs = [...Object.keys(result.metafile.inputs).map((p) => relative(repoRoot, resolve(process.cwd(), p))), ...[...copiedAssets].flatMap(filesOf)].sort();
writeFileSync(join(outDir, 'build-info.json'), `${JSON.stringify({ builtAt: Date.now(), inputs }, null, 2)}\n`);

const bytes = Object.keys(result.metafile.outputs)
  .filter((p) => p.endsWith('.js'))
  .reduce((sum, p) => sum + statSync(resolve(process.cwd(), p)).size, 0);
console.log(
  `apps/server/dist/server.js: ${(bytes / 1024).toFixed(0)} KB from ${inputs.length} files, ${externals.size} external packages, ` +
    `in ${Math.round(performance.now() - started)} ms`,
);
