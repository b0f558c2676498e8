import { embedSnippet } from '@hearth/protocol';
import type { Config } from '../config.ts';
import type { InstallationResult } from '../bootstrap/installation.ts';

/**
 * What a person starting Hearth needs, printed once to stdout (not through the log, so it stays
 * readable above JSON lines): where it runs, how to sign in the first time, the snippet to embed,
 * and where health and metrics are. Tests and scripts read the first line's URL.
 */
export function startBanner(config: Config, base: string, install: InstallationResult): string {
  const lines = ['', `Hearth is running at ${base}`, ...(config.HEARTH_DEMO ? [`  Demo shop:     ${base}/demo`] : []), `  Agent console: ${base}/console`];
  if (install.created) {
    if (install.siteKey) lines.push(`  Demo site key: ${install.siteKey}`);
    lines.push(`  Owner login:   ${install.ownerEmail}`);
    if (install.generatedPassword) lines.push(`  Password:      ${install.generatedPassword}   (generated; shown only this once)`);
  }
  const metrics =
    config.METRICS_PORT !== undefined
      ? `http://${hostForUrl(config.METRICS_HOST ?? config.HOST)}:${config.METRICS_PORT}/metrics`
      : `${base}/metrics (from this machine only)`;
  lines.push(
    `  Health:        ${base}/healthz, ${base}/readyz`,
    `  Metrics:       ${metrics}`,
    `  Proxies:       ${config.TRUST_PROXY.enabled ? `trusted: ${config.TRUST_PROXY.description}` : 'none trusted (TRUST_PROXY is off)'}`,
    '',
    install.created && install.siteKey
      ? 'Embed the chat on your site: paste this before </body>:'
      : install.created
      ? 'Sign in to the console and create your site (Site name, Website address): it shows the snippet to paste before </body>:'
      : "Embed the chat on your site: paste this before </body> (the console's Settings → Embed has it with your site's key):",
    ...embedSnippet(base, install.created && install.siteKey ? install.siteKey : 'YOUR-SITE-KEY')
      .split('\n')
      .map((line) => `  ${line}`),
    '',
  );
  return lines.join('\n');
}

export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
