/**
 * bench/stories-cost: CPU milliseconds per article of the story stage alone, this tree beside a
 * baseline revision in the same run, on a real SQLite store as ingest uses it (batches of 200, one
 * transaction each). Corpus: ../shared/corpora/bbc-fulltext in reading order, with the entities
 * the enricher links (computed once, outside the timing). Scenarios for this tree:
 *   in order   - every batch comes after the stored articles (no re-settle)
 *   reordered  - the second half of the corpus first, then the first half (one big re-settle)
 * The baseline's sources are unpacked under bench/out/ (git archive), never into node_modules.
 *
 *   npx tsx bench/stories-cost.ts [--baseline 709ea32] [--limit 2225] [--rounds 2]
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { entityNamesOf } from '../src/pipeline/organise.js';
import { loadEnricher } from '../src/pipeline/enricher.js';
import type { StoryInput } from '../src/stories/assign-story.js';
import { settleStories } from '../src/stories/settle-stories.js';
import { storyOrderKey } from '../src/stories/story-order.js';
import { openStore } from '../src/store/open-store.js';
import type { ArticleStore } from '../src/store/port.js';
import { readBbc } from './dedup-corpora.js';

const { values } = parseArgs({
  options: {
    baseline: { type: 'string', default: '709ea32' },
    limit: { type: 'string', default: '2225' },
    rounds: { type: 'string', default: '2' },
  },
});

const here = fileURLToPath(new URL('.', import.meta.url));
const baselineDir = join(here, 'out', `stories-baseline-${values.baseline}`);
if (!existsSync(join(baselineDir, 'src'))) {
  mkdirSync(baselineDir, { recursive: true });
  // Without its tests: scripts/run-tests.mjs walks bench/ for *.test.ts.
  execSync(`git archive ${values.baseline} src | tar -x -C ${baselineDir} --exclude='*.test.ts'`, {
    cwd: join(here, '..'),
  });
}
type Assign = (input: StoryInput, index: NonNullable<ArticleStore['stories']>) => Promise<unknown>;
type Open = (location: string) => Promise<ArticleStore>;
const baseline = {
  assignStory: (
    (await import(join(baselineDir, 'src', 'stories', 'assign-story.ts'))) as {
      assignStory: Assign;
    }
  ).assignStory,
  openStore: (
    (await import(join(baselineDir, 'src', 'store', 'open-store.ts'))) as { openStore: Open }
  ).openStore,
};

const enricher = await loadEnricher();
const inputs: StoryInput[] = readBbc()
  .slice(0, Number(values.limit))
  .map((article) => {
    const text = article.paragraphs.join('\n\n');
    const entities = entityNamesOf(enricher.enrich({ title: article.title, text }));
    return {
      id: article.id,
      title: article.title,
      text,
      entities,
      order: storyOrderKey(undefined, `${article.topic}/${article.id}`, article.id),
    };
  });
const byId = new Map(inputs.map((input) => [input.id, input]));
const batches = (list: StoryInput[]): StoryInput[][] =>
  Array.from({ length: Math.ceil(list.length / 200) }, (_, i) =>
    list.slice(i * 200, i * 200 + 200),
  );

const dir = mkdtempSync(join(tmpdir(), 'sitrep-stories-cost-'));
const cpuMs = (started: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
};

/** CPU ms per article of clustering `order` into a fresh store, one transaction per batch. */
const measure = async (
  name: string,
  open: Open,
  order: StoryInput[],
  organise: (store: ArticleStore, batch: StoryInput[]) => Promise<void>,
): Promise<{ perArticle: number; stories: number }> => {
  const store = await open(join(dir, `${name}-${Math.random().toString(36).slice(2)}.db`));
  try {
    const started = process.cpuUsage();
    for (const batch of batches(order)) await store.inTransaction!(() => organise(store, batch));
    const perArticle = cpuMs(started) / order.length;
    return { perArticle, stories: (await store.stories!.listStories()).length };
  } finally {
    await store.close();
  }
};

const inOrder = inputs;
const half = Math.ceil(inputs.length / 2);
const reordered = [...inputs.slice(half), ...inputs.slice(0, half)];
const settle = async (store: ArticleStore, batch: StoryInput[]) => {
  await settleStories(batch, store.stories!, async (members) =>
    members.map((member) => byId.get(member.articleId) as StoryInput),
  );
};

try {
  console.log(`${inputs.length} BBC articles, batches of 200; load ${loadavg()[0]?.toFixed(1)}`);
  for (let round = 1; round <= Number(values.rounds); round++) {
    const base = await measure('base', baseline.openStore, inOrder, async (store, batch) => {
      for (const input of batch) await baseline.assignStory(input, store.stories!);
    });
    const current = await measure('current', openStore, inOrder, settle);
    const late = await measure('reordered', openStore, reordered, settle);
    console.log(
      `round ${round}: baseline ${values.baseline} ${base.perArticle.toFixed(2)} ms/article (${base.stories} stories); ` +
        `this tree in order ${current.perArticle.toFixed(2)} (${current.stories}); ` +
        `reordered ${late.perArticle.toFixed(2)} (${late.stories}); ratio in order ${(current.perArticle / base.perArticle).toFixed(2)}; load ${loadavg()[0]?.toFixed(1)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
