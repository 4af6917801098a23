/**
 * bench/entity-stats-cost: what keeping the per-entity aggregates (src/store/entity-stats.ts) adds
 * to saving an enrichment, measured inside one process on a store `sitrep ingest` built:
 *
 *   node bin/sitrep.js ingest ../shared/corpora/bbc-fulltext/bbc --db /tmp/bbc.db
 *   npx tsx bench/entity-stats-cost.ts /tmp/bbc.db [--rounds 3]
 *
 * Works on a copy. Per round and article, in CPU time: (a) `saveEnrichment` of the article's own
 * enrichment (which subtracts the old aggregates and adds the new ones), and (b) the aggregate
 * statements alone (subtract, then add), each in its own transaction like saveEnrichment's. b / a
 * is the aggregates' share of saving an enrichment; the whole-ingest CPU time, measured beside a
 * baseline revision, is the other figure (see the note of issue 17).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTITY_STATS_ADD, ENTITY_STATS_SUBTRACT } from '../src/store/entity-stats.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

const source = process.argv[2];
if (!source) throw new Error('usage: npx tsx bench/entity-stats-cost.ts STORE.db [--rounds N]');
const at = process.argv.indexOf('--rounds');
const rounds = at > 0 ? Number(process.argv[at + 1]) : 3;
const dir = mkdtempSync(join(tmpdir(), 'entity-stats-cost-'));
const path = join(dir, 'copy.db');
copyFileSync(source, path);
const store = SqliteStore.open({ path });
const db = store.database;
const ids = db
  .prepare<[], { article_id: string }>('SELECT article_id FROM article_enrichments ORDER BY 1')
  .all()
  .map((row) => row.article_id);
const enrichments = await Promise.all(
  ids.map(async (id) => [id, (await store.getEnrichment(id))!] as const),
);
const cpuMs = (work: () => void): number => {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
};
const subtract = ENTITY_STATS_SUBTRACT.map((sql) => db.prepare(sql));
const add = ENTITY_STATS_ADD.map((sql) => db.prepare(sql));
const statsOnly = db.transaction((id: string): void => {
  for (const statement of subtract) statement.run(id);
  for (const statement of add) statement.run(id);
});
const mentions = enrichments.reduce((n, [, e]) => n + e.entities.length, 0);
console.log(`${ids.length} enriched articles, ${mentions} mentions (${source})`);
for (let round = 1; round <= rounds; round++) {
  let save = 0;
  for (const [id, enrichment] of enrichments) {
    const started = process.cpuUsage();
    await store.saveEnrichment(id, enrichment);
    const used = process.cpuUsage(started);
    save += (used.user + used.system) / 1000;
  }
  const stats = cpuMs(() => {
    for (const id of ids) statsOnly(id);
  });
  // A first ingest only adds: subtract everything, then time the adding alone.
  for (const id of ids) db.transaction(() => subtract.forEach((s) => s.run(id)))();
  const addOnly = cpuMs(() => {
    for (const id of ids) db.transaction(() => add.forEach((s) => s.run(id)))();
  });
  console.log(
    `round ${round}: saveEnrichment ${save.toFixed(0)} ms CPU (${(save / ids.length).toFixed(2)} ms/article); ` +
      `aggregates alone ${stats.toFixed(0)} ms (${(stats / ids.length).toFixed(2)} ms/article) = ${((100 * stats) / save).toFixed(1)}% of it; adding alone (a first ingest) ${(addOnly / ids.length).toFixed(2)} ms/article`,
  );
}
await store.close();
rmSync(dir, { recursive: true, force: true });
