import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The test projects. Vitest 4 no longer reads this file by itself: vite.config.ts feeds the list to
 * `test.projects`. Unit tests sit beside the code (`*.test.ts[x]`); browser tests (`*.e2e.ts`) drive
 * Debian's Chromium through playwright-core against a real server and the built widget and console.
 */
const preactJsx = { jsx: 'automatic', jsxImportSource: 'preact' } as const;

export const projects: TestProjectInlineConfiguration[] = [
  { test: { name: 'protocol', root: './packages/protocol', include: ['src/**/*.test.ts'] } },
  { test: { name: 'db', root: './packages/db', include: ['src/**/*.test.ts'] } },
  { test: { name: 'chat-client', root: './packages/chat-client', include: ['src/**/*.test.ts'] } },
  {
    test: {
      name: 'server',
      root: './apps/server',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      // PostgreSQL for the contract suite (store/contract/, both engines) and HEARTH_TEST_DB=pg runs.
      globalSetup: ['./test/pg-global-setup.ts'],
      setupFiles: ['./test/pg-file-setup.ts'],
    },
  },
  {
    esbuild: preactJsx,
    test: { name: 'widget', root: './apps/widget', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'] },
  },
  {
    esbuild: preactJsx,
    test: { name: 'console', root: './apps/console', include: ['src/**/*.test.{ts,tsx}'] },
  },
  // The repository's own tooling (import-boundary check).
  { test: { name: 'scripts', root: './scripts', include: ['**/*.test.ts'] } },
  {
    // `pnpm bench --quick` as a test: structure and zero loss, no timings.
    test: { name: 'bench', root: './bench', include: ['**/*.test.ts'], testTimeout: 180_000 },
  },
  {
    test: {
      name: 'e2e',
      root: './e2e',
      include: ['**/*.e2e.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // One Chromium at a time: the machine has two cores.
      fileParallelism: false,
    },
  },
];
