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
 *
 * Articles go through settleStories in one batch, so in canonical order (storyOrderKey) as ingest
 * settles them; each article's final story (after merges) is scored. `--entities` runs the real
 * enricher on RUWA and WikiRef (GoogleNews is lower-cased and stemmed) and passes linked entities
 * as ingest does.
 *
 * Usage: npx tsx bench/stories-quality.ts [--set dev|report|all] [--only NAME] [--entities]
 *   [--threshold 0.1] [--merge 0.3] [--window 7] [--title-weight 2] [--candidates 20] ...
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnricher } from '../src/pipeline/enricher.js';
import { entityNamesOf } from '../src/pipeline/organise.js';
import { documentTerms } from '../src/stories/assign-story.js';
import type { StoryInput } from '../src/stories/assign-story.js';
import { MemoryStoryIndex } from '../src/stories/memory-story-index.js';
import { settleStories } from '../src/stories/settle-stories.js';
import { DEFAULT_STORY_OPTIONS, storyOptions } from '../src/stories/story-options.js';
import type { StoryOptions } from '../src/stories/story-options.js';
import { storyOrderKey } from '../src/stories/story-order.js';
import { corpusDir } from './dedup-corpora.js';
import { parseCsv } from './search-corpus.js';
import { seededRandom } from './syndication-generator.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'all' },
    only: { type: 'string' },
    entities: { type: 'boolean', default: false },
    /** Print each article's gold label, source, date, story and headline (for checking the gold). */
    list: { type: 'boolean', default: false },
    'no-history': { type: 'boolean', default: false },
    threshold: { type: 'string' },
    merge: { type: 'string' },
    window: { type: 'string' },
    'title-weight': { type: 'string' },
    'entity-weight': { type: 'string' },
    names: { type: 'string' },
    candidates: { type: 'string' },
    'lookup-terms': { type: 'string' },
    'centroid-terms': { type: 'string' },
    idf: { type: 'string' },
  },
});

interface Labelled {
  readonly input: StoryInput;
  readonly label: string;
}

/** B-cubed (Bagga & Baldwin): per-item precision and recall of its cluster against its class. */
export const bcubed = (predicted: readonly string[], truth: readonly string[]) => {
  const pairCount = new Map<string, number>();
  const clusterSize = new Map<string, number>();
  const classSize = new Map<string, number>();
  predicted.forEach((p, i) => {
    const key = `${p}\u0000${truth[i]}`;
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
    clusterSize.set(p, (clusterSize.get(p) ?? 0) + 1);
    classSize.set(truth[i] as string, (classSize.get(truth[i] as string) ?? 0) + 1);
  });
  let precision = 0;
  let recall = 0;
  predicted.forEach((p, i) => {
    const both = pairCount.get(`${p}\u0000${truth[i]}`) as number;
    precision += both / (clusterSize.get(p) as number);
    recall += both / (classSize.get(truth[i] as string) as number);
  });
  precision /= predicted.length;
  recall /= predicted.length;
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    clusters: clusterSize.size,
  };
};

const ordered = (input: Omit<StoryInput, 'order'>, location: string): StoryInput => ({
  ...input,
  order: storyOrderKey(input.published, location, input.id),
});

const googleNews = (parity: 0 | 1) => (): Labelled[] =>
  readFileSync(corpusDir('googlenews-ts-story-clusters', 'GoogleNews-TS.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => ({ row: JSON.parse(line) as { text: string; cluster: number }, i }))
    .filter(({ row }) => row.cluster % 2 === parity)
    .map(({ row, i }) => {
      const id = `gn-${String(i).padStart(5, '0')}`;
      return { input: ordered({ id, text: row.text }, id), label: String(row.cluster) };
    });

const wikiRef = (): Labelled[] => {
  const dir = corpusDir('wikiref220-news-clusters', 'WikiRef220');
  const decoder = new TextDecoder('windows-1252');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const random = seededRandom(7);
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [files[i], files[j]] = [files[j] as string, files[i] as string];
  }
  return files.map((file, position) => {
    const bytes = readFileSync(join(dir, file));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decoder.decode(bytes);
    }
    const [title = '', ...body] = text.split(/\r?\n/);
    return {
      input: ordered(
        { id: file, title: title.trim(), text: body.join('\n') },
        String(position).padStart(4, '0'),
      ),
      label: (/^([A-Za-z0-9]+?)[ ._(]/.exec(file)?.[1] ?? file).toLowerCase(),
    };
  });
};

/**
 * RUWA's own event labels come from keywords ("railway" also tags a Cardiff station plan), so the
 * gold here is written by hand as rules: an article belongs to an event when its headline names it
 * (and its date falls within 7 days of the event's busiest day). Articles whose headline names no
 * event are left out: nothing says which story they belong to.
 */
const RUWA_EVENTS: Record<string, { peak: string; headline: (title: string) => boolean }> = {
  // Russian strike on the Zaporizhzhia nuclear plant, 4 March 2022.
  nuclear: {
    peak: '2022-03-04',
    headline: (t) =>
      /zaporizh|zaporozh|enerhodar|energodar/i.test(t) && /nuclear|plant|npp|reactor/i.test(t),
  },
  // Mariupol drama theatre bombed, 16 March 2022.
  theatre: { peak: '2022-03-17', headline: (t) => /theat(re|er)/i.test(t) && /mariupol/i.test(t) },
  // Killings in Bucha found, 2 April 2022.
  bucha: { peak: '2022-04-04', headline: (t) => /\bbucha\b/i.test(t) },
  // Missile strike on Kramatorsk railway station, 8 April 2022.
  railway: {
    peak: '2022-04-08',
    headline: (t) => /kramatorsk/i.test(t) && /station|train|rail/i.test(t),
  },
  // The cruiser Moskva sunk, 14 April 2022.
  sinking: {
    peak: '2022-04-15',
    headline: (t) =>
      /\bmoskva\b/i.test(t) || (/flagship|cruiser|warship/i.test(t) && /sink|sank|sunk/i.test(t)),
  },
  // Azovstal steel works: siege and surrender, May 2022.
  azovstal: { peak: '2022-05-17', headline: (t) => /azovstal/i.test(t) },
  // Missile strike on a Kremenchuk shopping centre, 27 June 2022.
  supermarket: { peak: '2022-06-28', headline: (t) => /kremenchu/i.test(t) },
  // Explosion at the Olenivka prison camp, 29 July 2022.
  prisoners: { peak: '2022-07-30', headline: (t) => /olenivka|olenovka|yelenovka/i.test(t) },
};
const WINDOW_MS = 7 * 86_400_000;

const ruwa = (events: readonly string[]) => (): Labelled[] => {
  const path = corpusDir('ruwa-russia-ukraine-war-news', 'RUWA_04.08.23.csv');
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const at = (name: string) => header.indexOf(name);
  const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    const [m = '', d = '', y = ''] = (row[at('Date')] ?? '').split('/');
    const published = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T12:00:00Z`;
    const title = squash(row[at('title')]);
    const lead = squash(row[at('desc')]);
    const url = squash(row[at('src')]);
    const matching = events.filter((name) => {
      const event = RUWA_EVENTS[name];
      return (
        event !== undefined &&
        event.headline(title) &&
        Math.abs(Date.parse(published) - Date.parse(event.peak)) <= WINDOW_MS
      );
    });
    // A headline naming two events (or a repeated URL) has no single answer.
    if (matching.length !== 1 || seen.has(url)) return [];
    seen.add(url);
    return [
      {
        input: ordered(
          {
            id: url,
            title,
            text: lead !== '' ? lead : title,
            published,
            source: squash(row[at('Site')]),
          },
          url,
        ),
        label: matching[0] as string,
      },
    ];
  });
};

/** Pre-war RUWA rows: the history a store would hold before the events (document counts only). */
const ruwaHistory = (): StoryInput[] => {
  const path = corpusDir('ruwa-russia-ukraine-war-news', 'RUWA_04.08.23.csv');
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const at = (name: string) => header.indexOf(name);
  return rows.flatMap((row) => {
    const [m = '', d = '', y = ''] = (row[at('Date')] ?? '').split('/');
    const published = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T12:00:00Z`;
    if (!(Date.parse(published) < Date.parse('2022-02-20'))) return [];
    const title = (row[at('title')] ?? '').trim();
    const lead = (row[at('desc')] ?? '').trim();
    return title === '' && lead === ''
      ? []
      : [{ id: row[at('src')] ?? '', title, text: lead || title }];
  });
};

const SETS: {
  name: string;
  set: 'dev' | 'report';
  load: () => Labelled[];
  enrich: boolean;
  history?: () => StoryInput[];
}[] = [
  { name: 'GoogleNews-TS even', set: 'dev', load: googleNews(0), enrich: false },
  {
    name: 'RUWA dev events',
    set: 'dev',
    load: ruwa(['nuclear', 'bucha', 'railway', 'sinking']),
    enrich: true,
    history: ruwaHistory,
  },
  { name: 'GoogleNews-TS odd', set: 'report', load: googleNews(1), enrich: false },
  {
    name: 'RUWA report events',
    set: 'report',
    load: ruwa(['theatre', 'azovstal', 'supermarket', 'prisoners']),
    enrich: true,
    history: ruwaHistory,
  },
  { name: 'WikiRef220', set: 'report', load: wikiRef, enrich: true },
];

const num = (value: string | undefined, fallback: number): number =>
  value === undefined ? fallback : Number(value);
const d = DEFAULT_STORY_OPTIONS;
const options: StoryOptions = storyOptions({
  threshold: num(values.threshold, d.threshold),
  mergeThreshold: num(values.merge, d.mergeThreshold),
  windowDays: num(values.window, d.windowDays),
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
  entry.history && !values['no-history']
    ? [entry, { ...entry, name: `${entry.name}, fresh`, history: undefined }]
    : [{ ...entry, history: undefined }],
);
for (const { name, set, load, enrich, history } of runs) {
  if (values.set !== 'all' && values.set !== set) continue;
  if (values.only && !name.toLowerCase().includes(values.only.toLowerCase())) continue;
  const index = new MemoryStoryIndex();
  const enriched = (input: StoryInput): StoryInput =>
    enricher && enrich ? { ...input, entities: entityNamesOf(enricher.enrich(input)) } : input;
  const items = load().map((item) => ({ ...item, input: enriched(item.input) }));
  for (const input of history?.() ?? [])
    await index.addDocument(documentTerms(enriched(input), options));
  const cpuStarted = process.cpuUsage();
  await settleStories(
    items.map((item) => item.input),
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
  const score = bcubed(
    predicted,
    items.map((i) => i.label),
  );
  console.log(
    `${set.padEnd(7)} ${name.padEnd(27)} ${String(items.length).padStart(8)} ${String(new Set(items.map((i) => i.label)).size).padStart(7)}  ${score.precision.toFixed(4)}    ${score.recall.toFixed(4)}  ${score.f1.toFixed(4)}  ${String(score.clusters).padStart(7)}  ${((cpu.user + cpu.system) / 1000 / items.length).toFixed(3)}`,
  );
}
