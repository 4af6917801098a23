/**
 * The fixed query mix of bench/search: 200 queries drawn with a seeded PRNG from templates covering
 * words (common and rare), phrases, OR, NOT, prefixes, every field filter, date ranges and
 * filter-only queries; about a third ask for facets and some sort by date. Each query names the
 * plain words a bare full-text baseline runs for it (none for filter-only queries).
 */
import { seededRandom } from './search-generate.js';

export interface BenchQuery {
  readonly text: string;
  readonly facets: boolean;
  readonly sort?: 'newest';
  /** The same positive words as a bare full-text query, or undefined when there are none. */
  readonly baseline?: string;
  readonly template: string;
}

const COMMON = [
  'ukraine',
  'russia',
  'oil',
  'government',
  'market',
  'election',
  'war',
  'military',
  'minister',
  'bank',
  'prices',
  'shares',
  'police',
  'attack',
  'troops',
  'company',
  'trade',
  'said',
];
const RARE = [
  'cocoa',
  'chernobyl',
  'referendum',
  'drone',
  'artillery',
  'grain',
  'tariff',
  'spam',
  'broadband',
  'mariupol',
  'zaporizhzhia',
  'refinery',
  'wimbledon',
  'copper',
];
const PHRASES = [
  '"prime minister"',
  '"oil prices"',
  '"interest rates"',
  '"armed forces"',
  '"united states"',
  '"central bank"',
  '"human rights"',
  '"nuclear power"',
  '"black sea"',
  '"per cent"',
];
const PREFIXES = ['sanction*', 'drone*', 'missil*', 'elect*', 'nuclea*', 'invest*', 'refuge*'];
const SOURCES = ['reuters', '"bbc news"', '"ag news"', 'bbc.co.uk', '"defense news"', 'janes'];
const LANGS = ['en', 'de', 'uk', 'ru'];
const ENTITIES = ['putin', 'nato', 'ukraine', 'zelensky', 'opec', '"european union"', 'himars'];
const TYPES = ['person', 'org', 'gpe', 'weapon', 'loc'];
const COUNTRIES = ['ua', 'ru', 'us', 'gb', 'cn', 'jp', 'iq'];

type Template = (r: () => number) => { text: string; baseline?: string };

const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

const year = (r: () => number): number => 2020 + Math.floor(r() * 7);
const month = (r: () => number): string => String(1 + Math.floor(r() * 12)).padStart(2, '0');
const words = (text: string): { text: string; baseline: string } => ({ text, baseline: text });

const TEMPLATES: Record<string, Template> = {
  common: (r) => words(pick(r, COMMON)),
  rare: (r) => words(pick(r, RARE)),
  twoWords: (r) => words(`${pick(r, COMMON)} ${pick(r, [...COMMON, ...RARE])}`),
  phrase: (r) => words(pick(r, PHRASES)),
  or: (r) => {
    const [a, b] = [pick(r, COMMON), pick(r, RARE)];
    return { text: `${a} OR ${b}`, baseline: `${a} OR ${b}` };
  },
  not: (r) => {
    const a = pick(r, COMMON);
    return { text: `${a} -${pick(r, RARE)}`, baseline: a };
  },
  prefix: (r) => words(pick(r, PREFIXES)),
  source: (r) => {
    const w = pick(r, COMMON);
    return { text: `${w} source:${pick(r, SOURCES)}`, baseline: w };
  },
  lang: (r) => {
    const w = pick(r, COMMON);
    return { text: `${w} lang:${pick(r, LANGS)}`, baseline: w };
  },
  entity: (r) => {
    const w = pick(r, COMMON);
    return { text: `${w} entity:${pick(r, ENTITIES)}`, baseline: w };
  },
  type: (r) => {
    const w = pick(r, [...COMMON, ...RARE]);
    return { text: `${w} type:${pick(r, TYPES)}`, baseline: w };
  },
  country: (r) => {
    const w = pick(r, COMMON);
    return { text: `${w} country:${pick(r, COUNTRIES)}`, baseline: w };
  },
  dates: (r) => {
    const w = pick(r, [...COMMON, ...PHRASES]);
    const y = year(r);
    return { text: `${w} after:${y}-${month(r)} before:${y + 1}`, baseline: w };
  },
  grouped: (r) => {
    const [a, b, c] = [pick(r, COMMON), pick(r, COMMON), pick(r, PREFIXES)];
    return { text: `(${a} OR ${b}) ${c}`, baseline: `(${a} OR ${b}) ${c}` };
  },
  mixed: (r) => {
    const p = pick(r, PHRASES);
    return {
      text: `${p} source:${pick(r, SOURCES)} after:${year(r)}-01-01 country:${pick(r, COUNTRIES)}`,
      baseline: p,
    };
  },
  filterOnly: (r) => ({ text: `country:${pick(r, COUNTRIES)} after:${year(r)}-${month(r)}` }),
  sourceOnly: (r) => ({ text: `source:${pick(r, SOURCES)} lang:${pick(r, LANGS)}` }),
};

/** Relative frequency of each template: plain word queries dominate, as in real use. */
const WEIGHTS: Record<string, number> = {
  common: 3,
  rare: 2,
  twoWords: 3,
  phrase: 2,
  or: 1,
  not: 1,
  prefix: 1,
  source: 1,
  lang: 1,
  entity: 1,
  type: 1,
  country: 1,
  dates: 1,
  grouped: 1,
  mixed: 1,
  filterOnly: 1,
  sourceOnly: 1,
};

export const buildQueryMix = (count: number, seed: number): BenchQuery[] => {
  const random = seededRandom(seed);
  const bag = Object.entries(WEIGHTS).flatMap(([name, weight]) =>
    Array.from({ length: weight }, () => name),
  );
  return Array.from({ length: count }, () => {
    const name = pick(random, bag);
    const template = TEMPLATES[name];
    if (!template) throw new Error(`no template ${name}`);
    const built = template(random);
    return {
      text: built.text,
      template: name,
      facets: random() < 0.33,
      ...(random() < 0.1 ? { sort: 'newest' as const } : {}),
      ...(built.baseline !== undefined ? { baseline: built.baseline } : {}),
    };
  });
};
