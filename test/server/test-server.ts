import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { generateToken, hashToken, type TokenScope } from '../../src/server/api-token.js';
import { createApp } from '../../src/server/create-app.js';
import { openStore } from '../../src/store/open-store.js';
import type { ArticleStore } from '../../src/store/port.js';

export interface TestServer {
  readonly app: Hono;
  readonly store: ArticleStore;
  /** A token with read and write scopes. */
  readonly token: string;
  /** A token with only the read scope. */
  readonly readToken: string;
  readonly errors: unknown[];
  close(): Promise<void>;
}

const addToken = async (
  store: ArticleStore,
  name: string,
  scopes: TokenScope[],
): Promise<string> => {
  const token = generateToken();
  await store.saveApiToken({
    name,
    tokenHash: hashToken(token),
    scopes,
    createdAt: new Date().toISOString(),
  });
  return token;
};

/** A fresh SQLite store in a temp dir and the app over it, with one full and one read-only token. */
export const createTestServer = async (options: { readsOpen: boolean }): Promise<TestServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-server-'));
  const store = await openStore(join(dir, 'test.db'));
  const token = await addToken(store, 'full', ['read', 'write']);
  const readToken = await addToken(store, 'reader', ['read']);
  const errors: unknown[] = [];
  const app = createApp({
    store,
    auth: { readsOpen: options.readsOpen },
    version: 'test',
    logError: (error) => errors.push(error),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return {
    app,
    store,
    token,
    readToken,
    errors,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const bearer = (token: string): Record<string, string> => ({
  Authorization: `Bearer ${token}`,
});

/** Records for POST /api/ingest: distinct sources, languages and months for facet checks. */
export const SAMPLE_RECORDS = [
  {
    id: 'a1',
    url: 'https://wire.example.org/2025/03/poland-himars',
    title: 'Poland orders more HIMARS launchers',
    text: '[WIRE] WARSAW - Poland signed a contract for 48 HIMARS launchers on Friday, the ministry said.',
    published: '2025-03-14T09:00:00Z',
    source: 'Sample Wire',
    language: 'en',
  },
  {
    id: 'a2',
    url: 'https://wire.example.org/2025/04/himars-committee',
    title: 'Committee backs HIMARS funding',
    text: 'The parliamentary committee approved funding for the HIMARS programme after a long debate.',
    published: '2025-04-02T09:00:00Z',
    source: 'Sample Wire',
    language: 'en',
  },
  {
    id: 'a3',
    url: 'https://baltic.example.com/2025/04/himars-estonia',
    title: 'Estland erhält HIMARS',
    text:
      'TALLINN - Estland hat am Dienstag seine ersten HIMARS-Systeme erhalten, teilten die ' +
      'Streitkräfte mit. Die Raketenwerfer sollen die Verteidigung des Landes deutlich stärken, ' +
      'sagte der Verteidigungsminister bei der Übergabe in der Hauptstadt.',
    published: '2025-04-20T09:00:00Z',
    source: 'Baltic Notes',
    language: 'de',
  },
  {
    id: 'a4',
    url: 'https://baltic.example.com/2025/05/patriot',
    title: 'Romania and Patriot batteries',
    text: 'BUCHAREST - Romania will buy two more Patriot batteries, officials said.',
    published: '2025-05-01T09:00:00Z',
    source: 'Baltic Notes',
    language: 'en',
  },
];
