/**
 * `pnpm lint`'s import-boundary check (ARCHITECTURE.md, principle 7). It reads every TypeScript and
 * JavaScript source of the workspace and fails on:
 *
 * - `app-imports-app`: a file of one app (apps/*) importing a file of another app;
 * - `package-imports-app`: a package (packages/*) importing an app;
 * - `browser-imports-node`: a browser package (the widget, the console, protocol, chat-client) importing a
 *   Node module (`node:*` or a built-in), or a workspace package that is not itself a browser package.
 *   Their tests and Vite configs run in Node and may;
 * - `deep-import`: a relative path into another workspace package, or `@hearth/x/<subpath>` that the
 *   package does not export (its `index.ts` is the public surface);
 * - `server-folder-cycle`: a cycle between the folders of apps/server/src (features, core,
 *   infrastructure). Only runtime imports of non-test files count: `import type` is how the storage
 *   seam lets adapters name feature store interfaces, and a test is never imported. The cycles that exist today are listed in
 *   scripts/import-cycles.baseline.txt as the folder-to-folder edges that lie on a cycle; the list may
 *   only shrink: an edge on a cycle that is not listed fails (a new cycle), and a listed edge that is no
 *   longer on one fails too, until it is removed from the list (so fixed cycles stay fixed).
 *
 * Usage: `node --import tsx scripts/check-imports.ts [root] [--print-cycles]` (the second prints today's
 * cycle edges in the baseline's format).
 */
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface Violation {
  rule: 'app-imports-app' | 'package-imports-app' | 'browser-imports-node' | 'deep-import' | 'server-folder-cycle';
  /** Repository path and line, or `scripts/import-cycles.baseline.txt` for a stale baseline entry. */
  where: string;
  message: string;
}

/** Packages that run in the browser (their non-test sources). */
const BROWSER_PACKAGES = ['apps/widget', 'apps/console', 'packages/protocol', 'packages/chat-client'];
/** Files of browser packages that run in Node. */
const NODE_SIDE = /(\.test\.tsx?$|\/test\/|(^|\/)vite\.[\w.]*config\.ts$)/;
/**
 * Relative imports into another package's source that are allowed, and why: the benchmarks measure
 * the server's own functions (buildApp with seeding, the group commit, routing) in their own processes.
 */
const ALLOWED_DEEP: Array<{ from: string; to: string }> = [
  { from: 'bench', to: 'apps/server' },
  // The launcher benchmark starts Hearth and Chromium the way the browser tests do.
  { from: 'bench', to: 'e2e' },
];
const SERVER_SRC = 'apps/server/src';
const BASELINE = 'scripts/import-cycles.baseline.txt';
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const TEST_FILE = /\.test\.tsx?$/;
const builtins = new Set(builtinModules);

interface Workspace {
  /** Repository paths of workspace packages (apps/server, packages/db, bench, …) and their package.json. */
  packages: Map<string, { name: string; exports: Set<string> }>;
  byName: Map<string, string>;
}

function readWorkspace(root: string): Workspace {
  const packages = new Map<string, { name: string; exports: Set<string> }>();
  const byName = new Map<string, string>();
  for (const group of ['apps', 'packages']) {
    if (!existsSync(join(root, group))) continue;
    for (const entry of readdirSync(join(root, group))) addPackage(`${group}/${entry}`);
  }
  for (const single of ['bench', 'e2e']) addPackage(single);
  return { packages, byName };

  function addPackage(path: string) {
    const file = join(root, path, 'package.json');
    if (!existsSync(file)) return;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name: string; exports?: string | Record<string, unknown> };
    const exports = new Set(typeof json.exports === 'object' && json.exports ? Object.keys(json.exports) : ['.']);
    packages.set(path, { name: json.name, exports });
    byName.set(json.name, path);
  }
}

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const top of ['apps', 'packages', 'bench', 'e2e', 'scripts']) if (existsSync(join(root, top))) walk(top);
  return files.sort();
}

export interface ImportRef {
  specifier: string;
  line: number;
  /** Nothing of it exists at run time (`import type`, or every named binding is `type`). */
  typeOnly: boolean;
}

/** Static imports, re-exports, `import()` and `require()` with a literal specifier. */
export function importsOf(fileName: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const refs: ImportRef[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly || (!clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      refs.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly = node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      refs.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), typeOnly });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      refs.push({ specifier: node.moduleReference.expression.text, line: lineOf(node), typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) refs.push({ specifier: (node.arguments[0] as ts.StringLiteralLike).text, line: lineOf(node), typeOnly: false });
    } else if (ts.isImportTypeNode(node)) {
      return; // `import('x').T` in a type position
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

function packageOf(workspace: Workspace, path: string): string | null {
  let best: string | null = null;
  for (const pkg of workspace.packages.keys()) if ((path === pkg || path.startsWith(`${pkg}/`)) && (!best || pkg.length > best.length)) best = pkg;
  return best;
}

/** The folder of apps/server/src a file belongs to (`conversations`, `store`, …); null for the root files. */
function serverFolder(path: string): string | null {
  if (!path.startsWith(`${SERVER_SRC}/`)) return null;
  const rest = path.slice(SERVER_SRC.length + 1).split('/');
  return rest.length > 1 ? rest[0]! : null;
}

export function checkImports(root: string): { violations: Violation[]; cycleEdges: string[] } {
  const workspace = readWorkspace(root);
  const violations: Violation[] = [];
  const folderEdges = new Map<string, Map<string, string>>(); // from -> to -> first place seen
  const isBrowser = (pkg: string | null) => !!pkg && BROWSER_PACKAGES.includes(pkg);

  for (const file of sourceFiles(root)) {
    const pkg = packageOf(workspace, file);
    const browserSide = isBrowser(pkg) && !NODE_SIDE.test(file);
    for (const ref of importsOf(file, readFileSync(join(root, file), 'utf8'))) {
      const where = `${file}:${ref.line}`;
      const add = (rule: Violation['rule'], message: string) => violations.push({ rule, where, message });
      const spec = ref.specifier;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = relative(root, resolve(root, dirname(file), spec))
          .split(sep)
          .join('/');
        const targetPkg = packageOf(workspace, target);
        if (targetPkg && pkg && targetPkg !== pkg) {
          if (pkg.startsWith('apps/') && targetPkg.startsWith('apps/')) add('app-imports-app', `${pkg} imports ${target} of ${targetPkg}`);
          else if (pkg.startsWith('packages/') && targetPkg.startsWith('apps/')) add('package-imports-app', `${pkg} imports ${target} of ${targetPkg}`);
          else if (!ALLOWED_DEEP.some((a) => a.from === pkg && a.to === targetPkg))
            add('deep-import', `${spec} reaches into ${targetPkg}; import ${workspace.packages.get(targetPkg)?.name ?? targetPkg} instead`);
        }
        // Tests are never imported, so they cannot close a cycle: leave them out of the folder graph.
        const from = TEST_FILE.test(file) ? null : serverFolder(file);
        const to = serverFolder(target);
        if (from && to && from !== to && !ref.typeOnly) {
          const edges = folderEdges.get(from) ?? new Map<string, string>();
          if (!edges.has(to)) edges.set(to, where);
          folderEdges.set(from, edges);
        }
        continue;
      }
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      const subpath = spec.slice(name.length);
      const bare = spec.startsWith('node:') ? spec.slice(5) : name;
      if (browserSide && (spec.startsWith('node:') || builtins.has(bare))) {
        add('browser-imports-node', `${pkg} runs in the browser but imports the Node module ${spec}`);
        continue;
      }
      const targetPkg = workspace.byName.get(name);
      if (!targetPkg) continue;
      if (pkg?.startsWith('apps/') && targetPkg.startsWith('apps/') && targetPkg !== pkg) add('app-imports-app', `${pkg} imports ${spec}`);
      if (pkg?.startsWith('packages/') && targetPkg.startsWith('apps/')) add('package-imports-app', `${pkg} imports ${spec}`);
      if (browserSide && !isBrowser(targetPkg)) add('browser-imports-node', `${pkg} runs in the browser but imports ${spec}, which is not a browser package`);
      if (subpath && !workspace.packages.get(targetPkg)!.exports.has(`.${subpath}`))
        add('deep-import', `${spec} is not exported by ${name}; import from ${name}`);
    }
  }

  return { violations, cycleEdges: edgesOnCycles(folderEdges) };
}

/** Every edge `a -> b` whose ends lie in one strongly connected component (so the edge is on a cycle). */
function edgesOnCycles(graph: Map<string, Map<string, string>>): string[] {
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flatMap((m) => [...m.keys()])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let components = 0;
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.set(w, components);
      } while (w !== v);
      components++;
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) strong(v);
  const edges: string[] = [];
  for (const [from, tos] of graph) for (const [to, where] of tos) if (component.get(from) === component.get(to)) edges.push(`${from} -> ${to}  # ${where}`);
  return edges.sort();
}

/** The baseline's edges (`a -> b`), comments and blank lines ignored. */
export function readBaseline(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

export function compareWithBaseline(cycleEdges: string[], baseline: Set<string>): Violation[] {
  const current = new Map(cycleEdges.map((e) => [e.replace(/\s*#.*/, ''), e.split('#')[1]?.trim() ?? '']));
  const violations: Violation[] = [];
  for (const [edge, where] of current) {
    if (!baseline.has(edge)) {
      violations.push({
        rule: 'server-folder-cycle',
        where,
        message: `new import cycle between folders of ${SERVER_SRC}: ${edge} lies on a cycle (depend on the core or the store, or subscribe to a domain event)`,
      });
    }
  }
  for (const edge of baseline) {
    if (!current.has(edge)) {
      violations.push({
        rule: 'server-folder-cycle',
        where: BASELINE,
        message: `${edge} is no longer on a cycle: remove it from the baseline so it stays fixed`,
      });
    }
  }
  return violations;
}

function main() {
  const rootArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const root = resolve(rootArg ?? fileURLToPath(new URL('..', import.meta.url)));
  const started = performance.now();
  const { violations, cycleEdges } = checkImports(root);
  const baselineFile = join(root, BASELINE);
  const baseline = existsSync(baselineFile) ? readBaseline(readFileSync(baselineFile, 'utf8')) : new Set<string>();
  violations.push(...compareWithBaseline(cycleEdges, baseline));
  if (process.argv.includes('--print-cycles')) console.log(cycleEdges.join('\n'));
  const ms = Math.round(performance.now() - started);
  if (violations.length === 0) {
    console.log(`check-imports: boundaries hold (${cycleEdges.length} baseline cycle edges in ${SERVER_SRC}; ${ms} ms)`);
    return;
  }
  for (const v of violations) console.error(`${v.where}  ${v.rule}: ${v.message}`);
  console.error(`\ncheck-imports: ${violations.length} violation${violations.length === 1 ? '' : 's'} (rules: scripts/check-imports.ts)`);
  process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
