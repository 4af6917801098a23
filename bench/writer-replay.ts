/**
 * bench/writer-replay: the single SQLite writer's CPU per article, without the stages that feed it.
 * Cleans the inputs up front and enriches them once (kept in a cache file under bench/out, keyed
 * by the inputs), then replays what `sitrep ingest` does on its writer thread, batch by batch, into
 * a fresh store: save articles, save enrichments, organise (syndication, stories), ledger. Reports
 * CPU ms per article per phase (process.cpuUsage: on a loaded machine wall time says little), and
 * hashes of the store's tables, so two revisions' stores can be compared exactly.
 *
 * ROOT is a built checkout (`npm run build`), this one by default; run the baseline's beside it in
 * the same session, e.g. for the revision before the writer work:
 *   git archive 2c2efc2 | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/ && (cd /tmp/base && npm run build)
 *   npx tsx bench/writer-replay.ts --root /tmp/base ../shared/corpora/bbc-fulltext
 *   npx tsx bench/writer-replay.ts ../shared/corpora/bbc-fulltext
 * (The cache holds enrichments by article id: both revisions must give the same ids and version.)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import Database from 'better-sqlite3';
import type { ArticleDraft } from '../src/core/article.js';
import type { ArticleEnrichment } from '../src/core/enrichment.js';
import type * as ReadInputs from '../src/pipeline/read-inputs.js';
import type * as DraftArticle from '../src/pipeline/draft-article.js';
import type * as OpenStore from '../src/store/open-store.js';
import type * as Organise from '../src/pipeline/organise.js';
import type * as LedgerUpdate from '../src/services/ledger-update.js';
import type * as Enricher from '../src/pipeline/enricher.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string' }, db: { type: 'string' }, batch: { type: 'string' } },
});
const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(values.root ?? join(here, '..'));
const paths = positionals.map((path) => resolve(path));
const batchSize = Number(values.batch ?? 200);
const dbPath = values.db ?? join(tmpdir(), `writer-replay-${process.pid}.db`);
const load = async <T>(path: string): Promise<T> => (await import(join(root, 'dist', path))) as T;

const { readInputs } = await load<typeof ReadInputs>('pipeline/read-inputs.js');
const { draftArticle } = await load<typeof DraftArticle>('pipeline/draft-article.js');
const { openStore } = await load<typeof OpenStore>('store/open-store.js');
const { organiseSaved, deferredStories, settleDeferred, entityNamesOf } =
  await load<typeof Organise>('pipeline/organise.js');
const { updateLedger } = await load<typeof LedgerUpdate>('services/ledger-update.js');

const drafts: ArticleDraft[] = [];
for await (const event of readInputs(paths, {})) {
  if (event.kind !== 'item') continue;
  const draft = draftArticle(event.item);
  if (draft.ok) drafts.push(draft.value);
}

interface Cache {
  version: string;
  byId: Map<string, ArticleEnrichment>;
}
const key = createHash('sha256').update(paths.join('\n')).digest('hex').slice(0, 12);
const cacheFile = join(here, 'out', `writer-replay-${key}.bin`);
let cache = existsSync(cacheFile) ? (deserialize(readFileSync(cacheFile)) as Cache) : undefined;
let enricher: Enricher.ArticleEnricher | undefined;
if (!cache) {
  const { loadEnricher } = await load<typeof Enricher>('pipeline/enricher.js');
  enricher = await loadEnricher();
  cache = { version: enricher.version, byId: new Map() };
}
const enrichments = cache;

for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
const store = await openStore(dbPath);
if (!store.inTransaction || !store.saveEnrichments) throw new Error('needs an SQLite store');
const inTransaction = store.inTransaction;
const saveEnrichments = store.saveEnrichments.bind(store);
const cpu = { saving: 0, savingEnrichments: 0, organising: 0, ledger: 0 };
const timed = async <T>(phase: keyof typeof cpu, work: () => Promise<T>): Promise<T> => {
  const start = process.cpuUsage();
  try {
    return await work();
  } finally {
    const used = process.cpuUsage(start);
    cpu[phase] += (used.user + used.system) / 1000;
  }
};

const deferred = deferredStories(store);
const started = process.cpuUsage();
for (let i = 0; i < drafts.length; i += batchSize) {
  const batch = drafts.slice(i, i + batchSize);
  const outcomes = await timed('saving', () => inTransaction(() => store.saveArticles(batch)));
  const done: { id: string; enrichment: ArticleEnrichment }[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === 'unchanged') {
      const existing = await store.getEnrichment(outcome.id);
      if (existing?.version === enrichments.version) continue;
    }
    let enrichment = enrichments.byId.get(outcome.id);
    if (!enrichment) {
      const draft = batch[index] as ArticleDraft;
      enrichment = (enricher as NonNullable<typeof enricher>).enrich({
        id: outcome.id,
        text: draft.text,
        ...(draft.title !== undefined ? { title: draft.title } : {}),
        ...(draft.published !== undefined ? { published: draft.published } : {}),
      });
      enrichments.byId.set(outcome.id, enrichment);
    }
    done.push({ id: outcome.id, enrichment });
  }
  const entityNames = new Map<string, readonly string[]>();
  await timed('savingEnrichments', () =>
    inTransaction(async () => {
      await saveEnrichments(done);
      for (const { id, enrichment } of done) entityNames.set(id, entityNamesOf(enrichment));
    }),
  );
  await timed('organising', () => organiseSaved(store, batch, outcomes, entityNames, deferred));
  // A revision without the enrichments option ignores it and reads them back.
  await timed('ledger', () =>
    updateLedger(
      store,
      outcomes.map((outcome) => outcome.id),
      { enrichments: new Map(done.map(({ id, enrichment }) => [id, enrichment])) },
    ),
  );
}
if (deferred) await timed('organising', () => settleDeferred(store, deferred));
const total = process.cpuUsage(started);
await store.close();
if (enricher) {
  mkdirSync(join(here, 'out'), { recursive: true });
  writeFileSync(cacheFile, serialize(enrichments));
}

const perArticle = (ms: number) => Number((ms / drafts.length).toFixed(3));
const db = new Database(dbPath, { readonly: true });
const hash = (sql: string) =>
  createHash('sha256')
    .update(JSON.stringify(db.prepare(sql).all()))
    .digest('hex')
    .slice(0, 12);
const tables = {
  articles: hash('SELECT id, seq, identity_key, content_hash FROM articles ORDER BY seq'),
  copies: hash('SELECT * FROM syndication_decisions ORDER BY article_id'),
  enrichments: hash('SELECT article_id, version, document FROM article_enrichments ORDER BY 1'),
  stories: hash('SELECT * FROM stories ORDER BY id'),
  members: hash('SELECT * FROM story_members ORDER BY article_id'),
  lookupTerms: hash('SELECT term, story_id, seq FROM story_lookup_terms ORDER BY term, story_id'),
  termFrequencies: hash('SELECT * FROM story_term_frequencies ORDER BY term'),
  corpus: hash('SELECT * FROM story_corpus'),
  ledgerClaims: hash('SELECT * FROM ledger_claims ORDER BY 1, 2'),
  ledgerEdges: hash('SELECT * FROM ledger_edges ORDER BY 1, 2'),
  ledgerArticles: hash('SELECT article_id, version FROM ledger_articles ORDER BY 1'),
};
db.close();
if (!values.db)
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
console.log(
  JSON.stringify({
    root,
    articles: drafts.length,
    writerCpuMsPerArticle: perArticle((total.user + total.system) / 1000),
    phases: Object.fromEntries(Object.entries(cpu).map(([phase, ms]) => [phase, perArticle(ms)])),
    tables,
  }),
);
