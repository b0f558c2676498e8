import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkImports, compareWithBaseline, importsOf, readBaseline } from './check-imports.ts';

/** A small workspace on disk, shaped like Hearth's, that each test breaks in one way. */
describe('import-boundary check', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const pkg = (path: string, name: string, exports: Record<string, string> = { '.': './src/index.ts' }) =>
    write(`${path}/package.json`, JSON.stringify({ name, exports }));
  const rules = () => checkImports(root).violations.map((v) => `${v.rule} ${v.where}`);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hearth-imports-'));
    pkg('apps/server', '@hearth/server');
    pkg('apps/widget', '@hearth/widget');
    pkg('packages/protocol', '@hearth/protocol');
    pkg('packages/db', '@hearth/db');
    pkg('bench', '@hearth/bench');
    write('packages/protocol/src/index.ts', "export * from './ids.ts';\n");
    write('packages/protocol/src/ids.ts', 'export const id = 1;\n');
    write(
      'apps/server/src/conversations/core.ts',
      "import { id } from '@hearth/protocol';\nimport { readFileSync } from 'node:fs';\nexport const core = id;\n",
    );
    write('apps/server/src/notes/notes.ts', "import { core } from '../conversations/core.ts';\nexport const notes = core;\n");
    write('apps/widget/src/main.ts', "import { id } from '@hearth/protocol';\nexport const w = id;\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes a tree that keeps its boundaries', () => {
    expect(checkImports(root)).toEqual({ violations: [], cycleEdges: [] });
  });

  it('finds an app importing another app, by path or by name', () => {
    write('apps/widget/src/bad.ts', "import { core } from '../../server/src/conversations/core.ts';\nimport '@hearth/server';\n");
    // The widget runs in the browser, so the server package is also the wrong kind of package for it.
    expect(rules()).toEqual([
      'app-imports-app apps/widget/src/bad.ts:1',
      'app-imports-app apps/widget/src/bad.ts:2',
      'browser-imports-node apps/widget/src/bad.ts:2',
    ]);
  });

  it('finds a package importing an app', () => {
    write('packages/db/src/bad.ts', "export { core } from '../../../apps/server/src/conversations/core.ts';\n");
    expect(rules()).toEqual(['package-imports-app packages/db/src/bad.ts:1']);
  });

  it('finds Node modules and server packages in browser code, not in its tests and Vite configs', () => {
    write('packages/protocol/src/bad.ts', "import { createHash } from 'node:crypto';\nimport path from 'path';\nconst db = await import('@hearth/db');\n");
    write('packages/protocol/src/ids.test.ts', "import { readFileSync } from 'node:fs';\n");
    write('apps/widget/vite.loader.config.ts', "import { fileURLToPath } from 'node:url';\n");
    expect(rules()).toEqual([
      'browser-imports-node packages/protocol/src/bad.ts:1',
      'browser-imports-node packages/protocol/src/bad.ts:2',
      'browser-imports-node packages/protocol/src/bad.ts:3',
    ]);
  });

  it("finds deep imports into another package's source", () => {
    write(
      'apps/server/src/notes/deep.ts',
      "import { id } from '../../../../packages/protocol/src/ids.ts';\nimport { id as again } from '@hearth/protocol/src/ids.ts';\n",
    );
    // The benchmarks' allowance: they measure the server's own functions.
    write('bench/store.ts', "import { core } from '../apps/server/src/conversations/core.ts';\n");
    expect(rules()).toEqual(['deep-import apps/server/src/notes/deep.ts:1', 'deep-import apps/server/src/notes/deep.ts:2']);
  });

  it('finds cycles between server folders from runtime imports only, and holds the baseline to what it lists', () => {
    write('apps/server/src/conversations/uses-notes.ts', "import { notes } from '../notes/notes.ts';\nexport const n = notes;\n");
    // Type-only imports and tests do not make cycles.
    write('apps/server/src/conversations/types.ts', "import type { notes } from '../notes/notes.ts';\nimport { type core } from './core.ts';\n");
    write('apps/server/src/notes/notes.test.ts', "import '../conversations/uses-notes.ts';\n");
    const { cycleEdges } = checkImports(root);
    expect(cycleEdges).toEqual([
      'conversations -> notes  # apps/server/src/conversations/uses-notes.ts:1',
      'notes -> conversations  # apps/server/src/notes/notes.ts:1',
    ]);
    // Not in the baseline: a new cycle.
    expect(compareWithBaseline(cycleEdges, new Set()).map((v) => v.message)).toEqual([
      expect.stringContaining('conversations -> notes lies on a cycle'),
      expect.stringContaining('notes -> conversations lies on a cycle'),
    ]);
    const baseline = readBaseline('# today\nconversations -> notes  # somewhere\nnotes -> conversations\nrouting -> conversations\n');
    // Listed and still there: fine; listed and gone: must be removed from the list.
    expect(compareWithBaseline(cycleEdges, baseline)).toEqual([
      {
        rule: 'server-folder-cycle',
        where: 'scripts/import-cycles.baseline.txt',
        message: expect.stringContaining('routing -> conversations is no longer on a cycle'),
      },
    ]);
  });

  it('reads every kind of import, marking the type-only ones', () => {
    const refs = importsOf(
      'x.ts',
      [
        "import a from 'a';",
        "import type { B } from 'b';",
        "import { type C, type D } from 'c';",
        "import { type E, f } from 'e';",
        "export * from 'g';",
        "export type { H } from 'h';",
        "const i = await import('i');",
        "const j = require('j');",
        "type K = import('k').K;",
        "import 'l';",
      ].join('\n'),
    );
    expect(refs.map((r) => `${r.specifier}${r.typeOnly ? ' (type)' : ''}`)).toEqual(['a', 'b (type)', 'c (type)', 'e', 'g', 'h (type)', 'i', 'j', 'l']);
  });
});
