/**
 * Recombines the real corpora into N distinct articles for bench/search: article i takes a base
 * document (title and a window of its paragraphs) plus paragraphs of other documents, an outlet, a
 * language and a date in 2020-2026, all drawn from a PRNG seeded with (seed, i), so any slice of
 * the sequence is reproducible on its own. Entity mentions come from a small hand-made list of
 * well-known names matched in the text (real offsets), standing in for the enricher, whose speed
 * is not what this bench measures.
 */
import type { ArticleDraft } from '../src/core/article.js';
import type { ArticleEnrichment, CountryRef, EntityMention } from '../src/core/enrichment.js';
import { sha256Hex } from '../src/core/hash.js';
import type { SourceDocument } from './search-corpus.js';
import { seededRandom } from '../src/core/seeded-random.js';

export const GENERATOR_VERSION = 'search-bench-gen-1';

export { seededRandom };

const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** Outlets a share of articles is re-attributed to, as syndicated copies are in real archives. */
const EXTRA_SOURCES = [
  'Defense News',
  'Kyiv Independent',
  'Al Jazeera',
  'The Guardian',
  'Associated Press',
  'Deutsche Welle',
  'France 24',
  'Politico Europe',
  'Breaking Defense',
  'Janes',
  'Euronews',
  'NHK World',
];
const LANGUAGES = ['de', 'fr', 'ru', 'uk', 'es', 'ar'];

interface KnownEntity {
  readonly name: string;
  readonly type: string;
  readonly id: string;
  readonly country?: CountryRef;
}

const country = (code: string, name: string): CountryRef => ({ code, name });
const UA = country('UA', 'Ukraine');
const RU = country('RU', 'Russia');
const US = country('US', 'United States');
const GB = country('GB', 'United Kingdom');
const CN = country('CN', 'China');

export const KNOWN_ENTITIES: readonly KnownEntity[] = [
  { name: 'Ukraine', type: 'GPE', id: 'Q212', country: UA },
  { name: 'Kyiv', type: 'GPE', id: 'Q1899', country: UA },
  { name: 'Kharkiv', type: 'GPE', id: 'Q42262', country: UA },
  { name: 'Zelensky', type: 'PERSON', id: 'Q3881040', country: UA },
  { name: 'Russia', type: 'GPE', id: 'Q159', country: RU },
  { name: 'Moscow', type: 'GPE', id: 'Q649', country: RU },
  { name: 'Putin', type: 'PERSON', id: 'Q7747', country: RU },
  { name: 'Kremlin', type: 'ORG', id: 'Q9679', country: RU },
  { name: 'Washington', type: 'GPE', id: 'Q61', country: US },
  { name: 'Biden', type: 'PERSON', id: 'Q6279', country: US },
  { name: 'Reagan', type: 'PERSON', id: 'Q9960', country: US },
  { name: 'Bush', type: 'PERSON', id: 'Q207', country: US },
  { name: 'Pentagon', type: 'ORG', id: 'Q11208', country: US },
  { name: 'London', type: 'GPE', id: 'Q84', country: GB },
  { name: 'Blair', type: 'PERSON', id: 'Q9545', country: GB },
  { name: 'Britain', type: 'GPE', id: 'Q145', country: GB },
  { name: 'China', type: 'GPE', id: 'Q148', country: CN },
  { name: 'Beijing', type: 'GPE', id: 'Q956', country: CN },
  { name: 'Japan', type: 'GPE', id: 'Q17', country: country('JP', 'Japan') },
  { name: 'Tokyo', type: 'GPE', id: 'Q1490', country: country('JP', 'Japan') },
  { name: 'Germany', type: 'GPE', id: 'Q183', country: country('DE', 'Germany') },
  { name: 'France', type: 'GPE', id: 'Q142', country: country('FR', 'France') },
  { name: 'Iraq', type: 'GPE', id: 'Q796', country: country('IQ', 'Iraq') },
  { name: 'Iran', type: 'GPE', id: 'Q794', country: country('IR', 'Iran') },
  { name: 'Israel', type: 'GPE', id: 'Q801', country: country('IL', 'Israel') },
  { name: 'Brazil', type: 'GPE', id: 'Q155', country: country('BR', 'Brazil') },
  { name: 'Canada', type: 'GPE', id: 'Q16', country: country('CA', 'Canada') },
  { name: 'NATO', type: 'ORG', id: 'Q7184' },
  { name: 'OPEC', type: 'ORG', id: 'Q7795' },
  { name: 'European Union', type: 'ORG', id: 'Q458' },
  { name: 'United Nations', type: 'ORG', id: 'Q1065' },
  { name: 'Federal Reserve', type: 'ORG', id: 'Q53536', country: US },
  { name: 'Microsoft', type: 'ORG', id: 'Q2283', country: US },
  { name: 'Google', type: 'ORG', id: 'Q95', country: US },
  { name: 'Apple', type: 'ORG', id: 'Q312', country: US },
  { name: 'Bank of England', type: 'ORG', id: 'local:org:bank-of-england', country: GB },
  { name: 'HIMARS', type: 'WEAPON', id: 'Q24932530' },
  { name: 'Patriot', type: 'WEAPON', id: 'Q178393' },
  { name: 'Crimea', type: 'LOC', id: 'Q7835', country: UA },
  { name: 'Donbas', type: 'LOC', id: 'Q179644', country: UA },
  { name: 'Black Sea', type: 'LOC', id: 'Q166' },
];

export interface GeneratedArticle {
  readonly draft: ArticleDraft;
  readonly enrichment?: ArticleEnrichment;
}

const START = Date.UTC(2020, 0, 1);
const END = Date.UTC(2026, 9, 31);
const MAX_TEXT = 3000;

const isWordBoundary = (text: string, at: number): boolean => {
  const ch = text[at];
  return ch === undefined || !/[\p{L}\p{N}]/u.test(ch);
};

/** Every whole-word occurrence of the known names in the text, with character offsets. */
export const matchKnownEntities = (text: string): EntityMention[] => {
  const mentions: EntityMention[] = [];
  for (const entity of KNOWN_ENTITIES) {
    for (let at = text.indexOf(entity.name); at >= 0; at = text.indexOf(entity.name, at + 1)) {
      const end = at + entity.name.length;
      if (!isWordBoundary(text, at - 1) || !isWordBoundary(text, end)) continue;
      mentions.push({
        text: entity.name,
        start: at,
        end,
        type: entity.type,
        id: entity.id,
        name: entity.name,
      });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
};

export class ArticleGenerator {
  private readonly docs: readonly SourceDocument[];
  private readonly paragraphs: readonly string[];
  private readonly stride: number;

  constructor(
    docs: readonly SourceDocument[],
    private readonly seed: number,
  ) {
    this.docs = docs;
    this.paragraphs = docs.flatMap((d) => d.paragraphs);
    // A stride coprime with the document count visits every base document once per cycle.
    let stride = Math.floor(docs.length * 0.618) | 1;
    while (gcd(stride, docs.length) !== 1) stride += 2;
    this.stride = stride;
  }

  article(index: number): GeneratedArticle {
    const random = seededRandom(this.seed ^ Math.imul(index + 1, 0x9e3779b1));
    const base = this.docs[(index * this.stride) % this.docs.length];
    if (!base) throw new Error('no source documents');
    const own = base.paragraphs;
    const windowLength = Math.min(own.length, 2 + Math.floor(random() * 4));
    const windowStart = Math.floor(random() * (own.length - windowLength + 1));
    const body = own.slice(windowStart, windowStart + windowLength);
    const extra = (own.length === 0 ? 2 : 1) + Math.floor(random() * 2);
    for (let k = 0; k < extra; k++) body.push(pick(random, this.paragraphs));
    let text = body.join('\n\n');
    if (text.length > MAX_TEXT) text = text.slice(0, text.lastIndexOf(' ', MAX_TEXT));
    const source = random() < 0.2 ? pick(random, EXTRA_SOURCES) : base.source;
    const language = random() < 0.85 ? 'en' : pick(random, LANGUAGES);
    const published = new Date(START + Math.floor(random() * (END - START))).toISOString();
    const title = base.title;
    const identityKey = `bench-search:${this.seed}:${index}`;
    const draft: ArticleDraft = {
      identityKey,
      format: 'jsonl',
      provenance: { path: 'bench:search', recordIndex: index },
      // The generator's recipe, not the text: the bench measures search, and this keeps the file small.
      raw: JSON.stringify({ generator: GENERATOR_VERSION, seed: this.seed, index }),
      rawMediaType: 'application/json',
      itemRecord: '{}',
      source,
      title,
      text,
      authors: [],
      categories: [base.corpus],
      published,
      language,
      contentHash: sha256Hex(`${title}\n${text}`),
      stageVersions: { generator: GENERATOR_VERSION },
    };
    const entities = matchKnownEntities(text);
    if (entities.length === 0) return { draft };
    const countries = new Map<string, CountryRef>();
    for (const m of entities) {
      const known = KNOWN_ENTITIES.find((e) => e.id === m.id)?.country;
      if (known) countries.set(known.code, known);
    }
    return {
      draft,
      enrichment: {
        version: GENERATOR_VERSION,
        entities,
        countries: [...countries.values()],
        figures: [],
        quotes: [],
        relations: [],
        document: null,
      },
    };
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
