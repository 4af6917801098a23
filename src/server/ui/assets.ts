import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

/**
 * The browser bundles and styles, built by scripts/build-ui.mjs (esbuild) into dist/ui/ at
 * `npm run build` (and so at `npm install`). This module sits three folders below the package
 * root both as src/server/ui/*.ts and as dist/server/ui/*.js, so one path serves both.
 */
export const UI_ASSET_DIR = fileURLToPath(new URL('../../../dist/ui/', import.meta.url));

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  map: 'application/json; charset=utf-8',
};

const cache = new Map<string, Buffer | null>();

const read = (name: string): Buffer | null => {
  if (!cache.has(name)) {
    try {
      cache.set(name, readFileSync(UI_ASSET_DIR + name));
    } catch {
      cache.set(name, null);
    }
  }
  return cache.get(name) ?? null;
};

export const serveUiAsset = (c: Context, name: string): Response => {
  const match = /^[a-z0-9-]+\.(js|css|svg)$/.exec(name);
  const type = match ? TYPES[match[1] ?? ''] : undefined;
  const body = match ? read(name) : null;
  if (!type || !body)
    return c.json(
      { error: { code: 'NOT_FOUND', message: `no UI asset "${name}" (run npm run build)` } },
      404,
    );
  c.header('Content-Type', type);
  c.header('Cache-Control', 'no-cache');
  return c.body(new Uint8Array(body));
};
