/**
 * Seeded noise for text-dump repair: takes clean articles (title + paragraphs) and produces dumps
 * with the noise scrapers add, plus the truth to score against. Noise kinds: repeated titles
 * (exact and with spacing damage), duplicated paragraphs (exact and near-exact), lone punctuation,
 * tag prefixes, footers drawn from a list and footers invented per fake site (which only a learned
 * model can know), and both line layouts.
 */

export interface CleanArticle {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export interface NoisyDump {
  readonly site: string;
  readonly text: string;
  readonly truth: CleanArticle;
}

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const SYLLABLES = [
  'bra',
  'kor',
  'vex',
  'lin',
  'dal',
  'mor',
  'tek',
  'san',
  'qui',
  'rho',
  'zen',
  'pal',
  'tur',
  'wes',
  'gim',
  'ost',
];
const WORDS = [
  'horizon',
  'ledger',
  'signal',
  'compass',
  'beacon',
  'frontier',
  'harbour',
  'summit',
  'meridian',
  'anchor',
];
const TOPICS = [
  'defence',
  'markets',
  'policy',
  'security',
  'energy',
  'technology',
  'diplomacy',
  'trade',
];

const inventName = (rnd: () => number): string => {
  const word = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += pick(rnd, SYLLABLES);
    return s[0]!.toUpperCase() + s.slice(1);
  };
  return `The ${word(2)} ${pick(rnd, ['Times', 'Post', 'Monitor', 'Dispatch', 'Wire', 'Courier'])}`;
};

/** Footers no built-in list can know: each fake site gets its own wording. */
const inventFooters = (rnd: () => number, name: string): string[] => {
  const domain = `${name.toLowerCase().replace(/^the /, '').replace(/\s+/g, '')}.example`;
  const topic = pick(rnd, TOPICS);
  const templates = [
    `${name} has covered ${topic} and ${pick(rnd, TOPICS)} without fear since ${1990 + Math.floor(rnd() * 30)}.`,
    `Got a tip for the ${pick(rnd, WORDS)} desk? Write to tips@${domain}`,
    `${name}: ${pick(rnd, WORDS)}s of ${topic}, every ${pick(rnd, ['morning', 'evening', 'week'])}.`,
    `Want more ${topic} analysis? Join ${1 + Math.floor(rnd() * 90)},000 readers of the ${name} ${pick(rnd, WORDS)} briefing`,
    `Photos and graphics by the ${name} ${pick(rnd, WORDS)} team unless noted otherwise`,
  ];
  const count = 2 + Math.floor(rnd() * 2);
  const chosen: string[] = [];
  while (chosen.length < count) {
    const t = pick(rnd, templates);
    if (!chosen.includes(t)) chosen.push(t);
  }
  return chosen;
};

const LIST_FOOTERS = [
  'Leave a comment',
  'Related Posts:',
  'Subscribe to get the latest posts sent to your email.',
  'Share this article',
  'Advertisement',
];
const LONE = ['.', '*', '\u2014', '...', '\u2022', ','];
const TAGS = [
  'us',
  'uk',
  'economy',
  'politics',
  'tech',
  'ukraine',
  'russia',
  'europe',
  'markets',
  'nato',
  'defence',
  'china',
];

/** Damage a line the way scrapers do: a space before a comma or a trailing " ." */
const damage = (rnd: () => number, line: string): string => {
  if (rnd() < 0.5) {
    const i = line.indexOf(' ', Math.floor(line.length / 3));
    return i > 0 ? `${line.slice(0, i)} ,${line.slice(i)}` : `${line} .`;
  }
  return line.replace(/\.?$/, ' .');
};

export interface NoiseOptions {
  readonly seed: number;
  readonly sites: number;
}

export const addNoise = (articles: readonly CleanArticle[], options: NoiseOptions): NoisyDump[] => {
  const rnd = seededRandom(options.seed);
  const sites = Array.from({ length: options.sites }, () => {
    const name = inventName(rnd);
    return { name, footers: inventFooters(rnd, name) };
  });
  return articles.map((truth, index) => {
    const site = sites[index % sites.length]!;
    const lines: string[] = [truth.title];
    if (rnd() < 0.5) lines.push(truth.title);
    if (rnd() < 0.25) lines.push(damage(rnd, truth.title));
    truth.paragraphs.forEach((p, i) => {
      let paragraph = p;
      if (i === 0 && rnd() < 0.3) {
        const n = 2 + Math.floor(rnd() * 3);
        const tags = [...new Set(Array.from({ length: n }, () => pick(rnd, TAGS)))];
        if (tags.length >= 2) paragraph = `${tags.join(', ')} - ${p}`;
      }
      lines.push(paragraph);
      if (rnd() < 0.15) lines.push(pick(rnd, LONE));
      if (rnd() < 0.2) lines.push(rnd() < 0.7 ? p : damage(rnd, p));
    });
    if (rnd() < 0.5) lines.push(`Discover more from ${site.name}`);
    for (const footer of site.footers) if (rnd() < 0.85) lines.push(footer);
    for (const footer of LIST_FOOTERS) if (rnd() < 0.2) lines.push(footer);
    const separator = rnd() < 0.5 ? '\n\n' : '\n';
    return { site: site.name, text: lines.join(separator), truth };
  });
};
