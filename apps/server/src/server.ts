import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { ensureInstallation } from './bootstrap/installation.ts';
import { hostForUrl, startBanner } from './lifecycle/banner.ts';
import { shutdown } from './lifecycle/shutdown.ts';

/** The process: read the environment, build the app, listen, and shut down cleanly on signals. */
const config = loadConfig();
const app = await buildApp(config);

const install = await ensureInstallation(app.store, { email: config.HEARTH_ADMIN_EMAIL, password: config.HEARTH_ADMIN_PASSWORD }, { demo: config.HEARTH_DEMO });
await app.listen({ port: config.PORT, host: config.HOST });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const base = config.PUBLIC_URL ?? `http://${hostForUrl(config.HOST)}:${port}`;
console.log(startBanner(config, base, install));

// SIGTERM/SIGINT: drain and stop within SHUTDOWN_TIMEOUT_MS (lifecycle/shutdown.ts). A second
// signal stops at once: safe, since nothing is acked before it is committed.
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: stopping now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down: draining');
    // If even the forced close hangs (a stuck disk), the process still ends.
    setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + 5_000).unref();
    shutdown(app, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS }).then(
      (result) => {
        if (result.forced) app.log.warn(result, 'stopped: deadline reached, remaining connections cut');
        else app.log.info(result, 'stopped');
        process.exit(result.forced ? 1 : 0);
      },
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
