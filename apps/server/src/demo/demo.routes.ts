import type { FastifyPluginAsync } from 'fastify';
import { readFileSync } from 'node:fs';
import { embedSnippet } from '@hearth/protocol';

const template = readFileSync(new URL('./shop.html', import.meta.url), 'utf8');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * /demo: a small shop that embeds the widget exactly as a customer would, with the README's
 * snippet, pointed at this server and the first site in the database.
 */
export const demoRoutes: FastifyPluginAsync<{ publicUrl?: string | undefined }> = async (app, { publicUrl }) => {
  app.get('/demo', async (request, reply) => {
    const siteKey = await app.store.read.sites.firstSiteKey();
    if (siteKey === null) return reply.code(404).send({ error: { code: 'not_found', message: 'No site yet.' } });
    const origin = publicUrl ?? `${request.protocol}://${request.host}`;
    // The same snippet the console's Settings → Embed shows, so the demo embeds exactly what owners paste.
    const html = template.replaceAll('{{EMBED_SNIPPET}}', embedSnippet(escapeHtml(origin), escapeHtml(siteKey)));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
};
