// `pnpm start`: run the built server (dist/server.js, from `pnpm build`) with plain Node.
// Plain JavaScript on purpose: it must run before anything is built, and in milliseconds.
// It refuses, with the fix, to start a missing build, or one older than any file it was built
// from (a `git pull` or an edit without `pnpm build` would otherwise run yesterday's code).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const serverRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bundle = `${serverRoot}dist/server.js`;
const infoFile = `${serverRoot}dist/build-info.json`;

function refuse(reason) {
  console.error(`\nHearth cannot start: ${reason}\nRun \`pnpm build\` first (or \`pnpm dev\` to run from the TypeScript sources).\n`);
  process.exit(1);
}

if (!existsSync(bundle) || !existsSync(infoFile)) refuse('the server is not built (apps/server/dist/server.js is missing).');
for (const [what, file] of [
  ['the widget', '../widget/dist/loader/widget.js'],
  ['the console', '../console/dist/index.html'],
]) {
  if (!existsSync(`${serverRoot}${file}`)) refuse(`${what} is not built (apps/${file.slice(3)} is missing).`);
}

const { builtAt, inputs } = JSON.parse(readFileSync(infoFile, 'utf8'));
if (process.env.HEARTH_SKIP_BUILD_CHECK !== '1') {
  for (const input of inputs) {
    let mtime;
    try {
      mtime = statSync(`${repoRoot}${input}`).mtimeMs;
    } catch {
      refuse(`the build is out of date: ${input} was removed since it was built.`);
    }
    if (mtime > builtAt) refuse(`the build is out of date: ${input} changed after it was built.`);
  }
}

// Source maps stay off: enabling them costs ~0.3 s at every start, and the bundle is not minified, so
// stack traces already name the functions. NODE_OPTIONS=--enable-source-maps gives TypeScript lines.
await import('./dist/server.js');
