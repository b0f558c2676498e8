import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';

/**
 * A customer's shop on its own origin ("localhost", while Hearth answers on 127.0.0.1, so the frame
 * is cross-origin as on a real site). `render(path)` returns the page's HTML, or null for a 404.
 * Read `url` inside tests (it is set in beforeAll).
 */
export function useShop(render: (path: string) => string | null): { url: string } {
  const shop = { url: '' };
  let server: Server | null = null;
  beforeAll(async () => {
    const s = createServer((req, res) => {
      const html = render(req.url ?? '/');
      if (html === null) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    server = s;
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const address = s.address();
    shop.url = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });
  return shop;
}

/** The README's snippet for the demo site, with `calls` (script text) run before the loader arrives. */
export const snippet = (hearthUrl: string, calls = ''): string =>
  `<script>window.Hearth = window.Hearth || function () { (Hearth.q = Hearth.q || []).push(arguments); };\n${calls}</script>` +
  `<script async src="${hearthUrl}/widget.js" data-site="demo"></script>`;
