/**
 * What each request of bench/load costs the server, one at a time (no concurrency): wall ms and
 * this process's CPU ms per request, for the search, article and entity requests the load mix
 * sends, against an existing store (e.g. a PostgreSQL schema holding ../shared's BBC corpus).
 * CPU ms stays comparable on a loaded machine where wall time does not. The app runs in-process
 * (createApp, as `sitrep serve` builds it, searches through boundSearches).
 *
 *   node --import tsx bench/load/endpoints.ts --db 'postgres://…/test?schema=NAME' [--rounds 5]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { boundSearches } from '../../src/server/bounded-search.js';
import { createApp } from '../../src/server/create-app.js';
import { openStore } from '../../src/store/open-store.js';
import { LOAD_QUERIES } from './load-queries.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    rounds: { type: 'string', default: '5' },
  },
});
if (!values.db) throw new Error('--db is required (a SQLite file or postgres:// URL with a store)');
const rounds = Number(values.rounds);

/**
 * Statements sent to PostgreSQL (every pooled query goes through Client#query): each is a round
 * trip, and under CPU contention each costs the server a wait for its next turn on the CPU, as
 * writing to the database's socket wakes the backend that preempts it.
 */
let statements = 0;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return clientQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

const store = await openStore(values.db);
const searches = await boundSearches(store, values.db);
const app = createApp({ store: searches.store, auth: { readsOpen: true } });
const get = async (path: string): Promise<unknown> => {
  const response = await app.request(path);
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
};

try {
  const ids = ((await get('/api/articles?limit=50')) as { items: { id: string }[] }).items.map(
    (a) => a.id,
  );
  const entities = ((await get('/api/entities?limit=30')) as { items: { id: string }[] }).items.map(
    (e) => e.id,
  );
  const kinds: Record<string, string[]> = {
    search: LOAD_QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
    article: ids.map((id) => `/api/articles/${id}`),
    entity: entities.map((id) => `/api/entities/${encodeURIComponent(id)}`),
  };
  // One warm-up pass: plans, caches and JIT of the first requests are not what a server pays later.
  for (const paths of Object.values(kinds)) for (const path of paths) await get(path);
  for (const [kind, paths] of Object.entries(kinds)) {
    const walls: number[] = [];
    const cpu = process.cpuUsage();
    const sent = statements;
    for (let r = 0; r < rounds; r++)
      for (const path of paths) {
        const started = performance.now();
        await get(path);
        walls.push(performance.now() - started);
      }
    const used = process.cpuUsage(cpu);
    walls.sort((a, b) => a - b);
    const at = (p: number): string =>
      (walls[Math.min(walls.length - 1, Math.floor(p * walls.length))] ?? NaN).toFixed(1);
    console.log(
      `${kind.padEnd(8)} ${String(walls.length).padStart(4)} requests  wall p50 ${at(0.5)} ms  p99 ${at(0.99)} ms` +
        `  mean ${(walls.reduce((a, b) => a + b, 0) / walls.length).toFixed(1)} ms` +
        `  server CPU ${((used.user + used.system) / 1000 / walls.length).toFixed(1)} ms/request` +
        `  ${((statements - sent) / walls.length).toFixed(1)} statements/request`,
    );
  }
} finally {
  await searches.close();
  await store.close();
}
