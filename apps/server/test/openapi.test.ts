import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(async () => {
  await h.close();
});

type Operation = { parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>; responses?: Record<string, unknown>; requestBody?: { content?: Record<string, { schema?: unknown }> } };
type Doc = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components?: { securitySchemes?: Record<string, unknown> } };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The /api/v1 routes the app registered, as OpenAPI path + method (the document itself and the reference page aside). */
function apiRoutes(routes: Array<{ method: string; url: string }>): string[] {
  return [
    ...new Set(
      routes
        .filter((r) => r.url.startsWith('/api/v1/') && !r.url.startsWith('/api/v1/docs') && r.url !== '/api/v1/openapi.json' && r.method !== 'HEAD')
        .map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`),
    ),
  ].sort();
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1, structurally valid, and lists every /api/v1 route with its method', async () => {
    const res = await fetch(`${h.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Hearth API', version: expect.any(String) });
    expect(doc.components?.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const documented: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/api/v1/'), path).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        expect(METHODS, `${method} ${path}`).toContain(method);
        documented.push(`${method} ${path}`);
        // Every operation answers something; every {param} of the path is a required path parameter.
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path} responses`).toBeGreaterThan(0);
        for (const name of path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
          const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
          expect(param?.required, `${method} ${path} declares {${name}}`).toBe(true);
        }
        for (const p of op.parameters ?? []) expect(['query', 'header', 'path', 'cookie']).toContain(p.in);
        if (op.requestBody) expect(op.requestBody.content?.['application/json']?.schema, `${method} ${path} body schema`).toBeTypeOf('object');
      }
    }
    expect(documented.sort()).toEqual(apiRoutes(h.routes));
    console.info(`[openapi] ${documented.length} operations on ${Object.keys(doc.paths).length} paths`);
    // Console routes are not part of the public API document.
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/sites'))).toBe(false);
  });

  it('the interactive reference is served (Swagger UI) and reads the document', async () => {
    const page = await fetch(`${h.url}/api/v1/docs/`, { redirect: 'follow' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    const init = await fetch(`${h.url}/api/v1/docs/static/swagger-initializer.js`);
    expect(init.status).toBe(200);
    expect(await init.text()).toContain('/api/v1/openapi.json');
  });
});
