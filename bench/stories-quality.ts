/**
 * B-cubed precision/recall/F1 of story clustering, with a development protocol: options are chosen
 * on the dev sets and confirmed on the report sets, which are never tuned on.
 *
 * Sets (read from ../shared, never copied):
 * - GoogleNews-TS: 11,109 pre-processed title+snippet texts in 152 story clusters, undated, no
 *   sources. dev = clusters with an even id, report = odd ids (clustered separately).
 * - RUWA event windows: real multi-source, multi-day events. Titles+leads of 9 sites, dated. The
 *   labels come from keywords (they also match unrelated articles), so the gold here is
 *   hand-written headline rules (below), within 7 days of each event's busiest day. A store has
 *   history: the 1,000+ RUWA rows dated before 20 Feb 2022 are counted in the document
 *   frequencies first (they are older than any window, so they could never be a candidate story:
 *   counting them equals clustering them), else the one event that fills a set would weigh nothing.
 *   dev = Zaporizhzhia plant (Mar 4), Bucha (Apr 2), Kramatorsk station (Apr 8), Moskva (Apr 14):
 *   three neighbours within two weeks; report = Mariupol theatre (Mar 16), Azovstal (May),
 *   Kremenchuk mall (Jun 27), Olenivka prison (Jul 29).
 * - WikiRef220 (report): 220 articles, 5 events + 11 small noise topics, undated; file order
 *   shuffled by a fixed seed (sorted names would group each event).
 * - Reuters chains (session 6, stories-reuters-chains.ts): one wire's follow-ups on 22 events over
 *   days and weeks (takeover battles, the Ecuador quake and its debt halt and strike, the 1987
 *   crash), hand-ruled from titles before tuning; 12 events dev, 10 report. The wire's other
 *   articles of the same days count in the document frequencies (as history), or are clustered
 *   with them under --stream.
 *
 * Articles go through settleStories in one batch, so in canonical order (storyOrderKey) as ingest
 * settles them; each article's final story (after merges) is scored. `--entities` runs the real
 * enricher on RUWA and WikiRef (GoogleNews is lower-cased and stemmed) and passes linked entities
 * as ingest does.
 *
 * Usage: npx tsx bench/stories-quality.ts [--set dev|report|all] [--only NAME] [--entities]
 *   [--threshold 0.1] [--merge 0.3] [--window 7] [--title-weight 2] [--candidates 20] ...
 */
import { parseArgs } from 'node:util';
import { loadEnricher } from '../src/pipeline/enricher.js';
import { entityNamesOf } from '../src/pipeline/organise.js';
import { documentTerms } from '../src/stories/assign-story.js';
import type { StoryInput } from '../src/stories/assign-story.js';
import { MemoryStoryIndex } from '../src/stories/memory-story-index.js';
import { settleStories } from '../src/stories/settle-stories.js';
import { DEFAULT_STORY_OPTIONS, storyOptions } from '../src/stories/story-options.js';
import type { StoryOptions } from '../src/stories/story-options.js';
import { bcubed, SETS } from './stories-sets.js';
import { printSplits } from './stories-splits.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'all' },
    only: { type: 'string' },
    entities: { type: 'boolean', default: false },
    /** Print each article's gold label, source, date, story and headline (for checking the gold). */
    list: { type: 'boolean', default: false },
    /** Print, per event split over stories, why its smaller stories stayed apart. */
    splits: { type: 'boolean', default: false },
    'no-history': { type: 'boolean', default: false },
    /**
     * Cluster a set's whole stream with its labelled articles (the Reuters chains: ~15,000 other
     * wire articles of the same days, slow). Without it the stream only counts in the document
     * frequencies, as history does.
     */
    stream: { type: 'boolean', default: false },
    threshold: { type: 'string' },
    merge: { type: 'string' },
    window: { type: 'string' },
    reach: { type: 'string' },
    'reach-threshold': { type: 'string' },
    'title-weight': { type: 'string' },
    'entity-weight': { type: 'string' },
    names: { type: 'string' },
    candidates: { type: 'string' },
    'lookup-terms': { type: 'string' },
    'centroid-terms': { type: 'string' },
    idf: { type: 'string' },
    background: { type: 'string' },
  },
});

const num = (value: string | undefined, fallback: number): number =>
  value === undefined ? fallback : Number(value);
const d = DEFAULT_STORY_OPTIONS;
const options: StoryOptions = storyOptions({
  threshold: num(values.threshold, d.threshold),
  mergeThreshold: num(values.merge, d.mergeThreshold),
  backgroundWeight: num(values.background, d.backgroundWeight),
  windowDays: num(values.window, d.windowDays),
  reachDays: num(values.reach, d.reachDays),
  reachThreshold: num(values['reach-threshold'], d.reachThreshold),
  titleWeight: num(values['title-weight'], d.titleWeight),
  entityWeight: num(values['entity-weight'], d.entityWeight),
  nameWeight: num(values.names, d.nameWeight),
  maxCandidates: num(values.candidates, d.maxCandidates),
  lookupTerms: num(values['lookup-terms'], d.lookupTerms),
  centroidTerms: num(values['centroid-terms'], d.centroidTerms),
  idf: values.idf === 'smooth' ? 'smooth' : values.idf === 'bm25' ? 'bm25' : d.idf,
});
console.log(`options: ${JSON.stringify(options)}`);

const enricher = values.entities ? await loadEnricher() : undefined;
console.log(
  'set     name                        articles classes  precision recall  F1      stories cpu-ms/article',
);
const runs = SETS.flatMap((entry) =>
  values.stream && entry.stream
    ? [{ ...entry, history: undefined }]
    : entry.history && !values['no-history']
      ? [entry, { ...entry, name: `${entry.name}, fresh`, history: undefined }]
      : [{ ...entry, history: undefined }],
);
for (const { name, set, load, enrich, history, stream } of runs) {
  if (values.set !== 'all' && values.set !== set) continue;
  if (values.only && !name.toLowerCase().includes(values.only.toLowerCase())) continue;
  const index = new MemoryStoryIndex();
  const enriched = (input: StoryInput): StoryInput =>
    enricher && enrich ? { ...input, entities: entityNamesOf(enricher.enrich(input)) } : input;
  const items = load().map((item) => ({ ...item, input: enriched(item.input) }));
  for (const input of history?.() ?? [])
    await index.addDocument(documentTerms(enriched(input), options));
  const around = (values.stream ? (stream?.() ?? []) : []).map(enriched);
  const cpuStarted = process.cpuUsage();
  await settleStories(
    [...items.map((item) => item.input), ...around],
    index,
    async () => [],
    options,
  );
  const cpu = process.cpuUsage(cpuStarted);
  const predicted: string[] = [];
  for (const item of items)
    predicted.push((await index.getMembership(item.input.id))?.storyId ?? item.input.id);
  if (values.list)
    items.forEach((item, i) =>
      console.log(
        `${item.label}\t${item.input.source ?? ''}\t${item.input.published?.slice(0, 10) ?? ''}\t${predicted[i]?.slice(0, 40) ?? ''}\t${item.input.title ?? item.input.text.slice(0, 80)}`,
      ),
    );
  if (values.splits) await printSplits(items, predicted, index);
  const score = bcubed(
    predicted,
    items.map((i) => i.label),
  );
  console.log(
    `${set.padEnd(7)} ${name.padEnd(27)} ${String(items.length).padStart(8)} ${String(new Set(items.map((i) => i.label)).size).padStart(7)}  ${score.precision.toFixed(4)}    ${score.recall.toFixed(4)}  ${score.f1.toFixed(4)}  ${String(score.clusters).padStart(7)}  ${((cpu.user + cpu.system) / 1000 / (items.length + around.length)).toFixed(3)}`,
  );
}
