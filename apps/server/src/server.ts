import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { ensureInstallation } from './bootstrap/installation.ts';

/** The process: read the environment, build the app, listen, and shut down cleanly on signals. */
const config = loadConfig();
const app = await buildApp(config);

const install = await ensureInstallation(app.store, { email: config.HEARTH_ADMIN_EMAIL, password: config.HEARTH_ADMIN_PASSWORD });
await app.listen({ port: config.PORT, host: config.HOST });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const base = config.PUBLIC_URL ?? `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;

const lines = [
  '',
  `Hearth is running at ${base}`,
  `  Demo shop:     ${base}/demo`,
  `  Agent console: ${base}/console`,
];
if (install.created) {
  lines.push(`  Demo site key: ${install.siteKey}`, `  Owner login:   ${install.ownerEmail}`);
  if (install.generatedPassword) lines.push(`  Password:      ${install.generatedPassword}   (generated; shown only this once)`);
  lines.push(`  Embed:         <script async src="${base}/widget.js" data-site="${install.siteKey}"></script>`);
}
console.log(lines.join('\n') + '\n');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
