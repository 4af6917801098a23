/**
 * What evaluating watchlists adds to `sitrep ingest` of ../shared/seeds, in one process:
 *
 *   node --import tsx bench/ingest-watchlists.ts [--rounds 5]
 *
 * Each round ingests the seeds (with enrichment, so the claim ledger and graph are filled) into a
 * fresh SQLite file three times: with no watchlist, with one `--new-edge-for Estonia`, and with one
 * `--conflict-about "Ukraine Defense Contact Group"`, and times the ingest and the evaluation step
 * that follows it apart. Prints medians and the evaluation's share of the ingest time. The whole
 * CLI process (what a user waits for) is measured with /usr/bin/time in the closing note.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveParty } from '../src/services/ledger-views.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { loadEnricher } from '../src/pipeline/enricher.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { evaluateNewArticles } from '../src/watchlists/evaluate-new-articles.js';
import { createWatchlist, type WatchlistInput } from '../src/watchlists/watchlist-service.js';
import { sharedPath } from '../test/shared-data.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const seeds = sharedPath('seeds');
if (seeds === undefined) {
  console.log('../shared/seeds is absent: nothing to measure');
  process.exit(0);
}
const enricher = await loadEnricher();
const kb = loadKnowledgeBase();
const modes: Record<string, WatchlistInput | undefined> = {
  none: undefined,
  'new-edge-for Estonia': { name: 'edge', new_edge_for: 'Estonia' },
  'conflict-about UDCG': { name: 'conflict', conflict_about: 'Ukraine Defense Contact Group' },
};
const times: Record<string, { ingest: number[]; evaluate: number[]; alerts: number }> = {};
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-watch-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  for (let round = 0; round < Number(values.rounds); round++)
    for (const [mode, input] of Object.entries(modes)) {
      const path = join(dir, `${round}-${mode.replace(/\W+/g, '-')}.db`);
      const store = SqliteStore.open({ path });
      try {
        if (input) await createWatchlist(store, input, new Date(), (n) => resolveParty(kb, n));
        const t0 = performance.now();
        await ingestPaths([seeds], store, { enricher });
        const t1 = performance.now();
        const summary = await evaluateNewArticles(store);
        const t2 = performance.now();
        const entry = (times[mode] ??= { ingest: [], evaluate: [], alerts: 0 });
        entry.ingest.push(t1 - t0);
        entry.evaluate.push(t2 - t1);
        entry.alerts = summary.alerts;
      } finally {
        await store.close();
      }
    }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const base = median(times['none']!.ingest);
console.log(`ingest of ${seeds} (4 articles, enriched), ${values.rounds} rounds, medians:`);
for (const [mode, t] of Object.entries(times)) {
  const evaluate = median(t.evaluate);
  console.log(
    `  ${mode.padEnd(22)} ingest ${median(t.ingest).toFixed(1)} ms, watchlist evaluation ${evaluate.toFixed(2)} ms ` +
      `(${((100 * evaluate) / base).toFixed(2)}% of the no-watchlist ingest), ${t.alerts} alert(s)`,
  );
}
