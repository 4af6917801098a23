import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestServer, type TestServer } from './test-server.js';

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
  components: { schemas: Record<string, unknown> };
}

let server: TestServer;
before(async () => {
  server = await createTestServer({ readsOpen: true });
});
after(() => server.close());

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z_]+)/g, '{$1}');

test('the OpenAPI document is 3.1 and lists every API route the app serves', async () => {
  const response = await server.app.request('/api/openapi.json');
  assert.equal(response.status, 200);
  const doc = (await response.json()) as OpenApiDocument;
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.version, 'test');

  const served = server.app.routes
    .filter(
      (route) =>
        route.method !== 'ALL' && (route.path.startsWith('/api/') || route.path === '/healthz'),
    )
    .map((route) => `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`);
  assert.ok(served.length >= 8, `expected the API routes, got ${served.join(', ')}`);
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method} ${path}`),
  );
  assert.deepEqual([...new Set(served)].sort(), documented.sort());
});

test('every operation documents a 2xx response and its references resolve', async () => {
  const doc = (await (await server.app.request('/api/openapi.json')).json()) as OpenApiDocument;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const codes = Object.keys(operation.responses);
      assert.ok(
        codes.some((code) => /^2\d\d$/.test(code)),
        `${method} ${path} has no 2xx response`,
      );
      for (const code of codes)
        assert.ok(operation.responses[code]?.description, `${method} ${path} ${code}`);
    }
  }
  const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
    (m) => m[1],
  );
  assert.ok(refs.length > 0);
  for (const name of refs) assert.ok(name && doc.components.schemas[name], `dangling $ref ${name}`);
});
