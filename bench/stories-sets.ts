/**
 * The labelled story sets of bench/stories-quality.ts (read from ../shared, never copied), and the
 * B-cubed score. See that file for the development protocol.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryInput } from '../src/stories/assign-story.js';
import { storyOrderKey } from '../src/stories/story-order.js';
import { corpusDir } from './dedup-corpora.js';
import { reutersChains } from './stories-reuters-chains.js';
import { parseCsv } from './search-corpus.js';
import { seededRandom } from './syndication-generator.js';

export interface Labelled {
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
  // Added for the many-event sets (session 4), each with at least two sites in its window.
  // Ukraine retakes Snake Island, 30 June 2022.
  snake: { peak: '2022-06-30', headline: (t) => /snake island|zmiinyi/i.test(t) },
  // Battle for Sievierodonetsk ends, 24 June 2022 (a neighbour of Lysychansk, 9 days and 5 km apart).
  sievierodonetsk: {
    peak: '2022-06-24',
    headline: (t) => /sievierodonetsk|severodonetsk/i.test(t),
  },
  // Lysychansk falls, 3 July 2022.
  lysychansk: { peak: '2022-07-03', headline: (t) => /lysychansk|lisichansk/i.test(t) },
  // Mass graves found in Izium, 15 September 2022.
  izium: {
    peak: '2022-09-16',
    headline: (t) => /iz(i|y)um/i.test(t) && /grave|burial|bodies|exhum/i.test(t),
  },
  // Ukraine retakes Lyman, 1 October 2022.
  lyman: { peak: '2022-10-01', headline: (t) => /\blyman\b|krasny liman/i.test(t) },
  // Blast on the Crimean (Kerch) bridge, 8 October 2022.
  kerch: { peak: '2022-10-09', headline: (t) => /crimean? bridge|kerch/i.test(t) },
  // Russian strike on Chasiv Yar flats, 9 July 2022.
  chasivyar: { peak: '2022-07-10', headline: (t) => /chasiv/i.test(t) },
  // Missile strike on Vinnytsia, 14 July 2022 (five days after Chasiv Yar).
  vinnytsia: { peak: '2022-07-14', headline: (t) => /vinnyts|vinnits/i.test(t) },
  // Russia's partial mobilisation, 21 September 2022 (a neighbour of the referendums).
  mobilization: { peak: '2022-09-22', headline: (t) => /mobili[sz]ation/i.test(t) },
  // Annexation 'referendums' in occupied regions, 23-27 September 2022.
  referendum: { peak: '2022-09-27', headline: (t) => /referend/i.test(t) },
  // Ukraine retakes Kherson, 11 November 2022.
  kherson: {
    peak: '2022-11-11',
    headline: (t) =>
      /kherson/i.test(t) && /liberat|withdraw|retreat|recaptur|enter|return/i.test(t),
  },
  // Missile lands in Przewodów, Poland, 15 November 2022.
  poland: {
    peak: '2022-11-16',
    headline: (t) =>
      /poland|polish|przewod/i.test(t) && /missile|rocket|blast|explosion|strike/i.test(t),
  },
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

function chainSets(set: 'dev' | 'report', events: readonly string[]) {
  let loaded: ReturnType<ReturnType<typeof reutersChains>> | undefined;
  const once = () => (loaded ??= reutersChains(events)());
  return [
    {
      name: `Reuters chains ${set}`,
      set,
      load: () => once().labelled,
      stream: () => once().stream,
      history: () => once().stream,
      enrich: true,
    },
  ];
}

export const SETS: {
  name: string;
  set: 'dev' | 'report';
  load: () => Labelled[];
  enrich: boolean;
  history?: () => StoryInput[];
  /** Articles clustered with the labelled ones, in order, but not scored (the stream around them). */
  stream?: () => StoryInput[];
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
  // Many events at once, as a real feed brings them (the held-out sets have dozens): the four
  // above plus six more per half, with neighbours in time and place inside each half.
  {
    name: 'RUWA dev many',
    set: 'dev',
    load: ruwa([
      ...['nuclear', 'bucha', 'railway', 'sinking', 'snake', 'sievierodonetsk'],
      ...['lysychansk', 'izium', 'lyman', 'kerch'],
    ]),
    enrich: true,
    history: ruwaHistory,
  },
  {
    name: 'RUWA report many',
    set: 'report',
    load: ruwa([
      ...['theatre', 'azovstal', 'supermarket', 'prisoners', 'chasivyar', 'vinnytsia'],
      ...['mobilization', 'referendum', 'kherson', 'poland'],
    ]),
    enrich: true,
    history: ruwaHistory,
  },
  // Session 6: one wire's follow-ups over days and weeks, with neighbouring events of the same kind
  // in the same weeks, inside the whole stream of that wire (stories-reuters-chains.ts). Gold
  // written by hand before tuning.
  ...chainSets('dev', [
    ...['amc', 'gencorp', 'chips', 'brazil-debt', 'brazil-strike', 'purolator', 'usair'],
    ...['dome', 'harper', 'borg', 'crash', 'hutton'],
  ]),
  ...chainSets('report', [
    ...['texaco', 'cyclops', 'ecuador-quake', 'ecuador-debt', 'ecuador-strike', 'gulf-escort'],
    ...['caesars', 'taft', 'g7', 'sohio'],
  ]),
];
