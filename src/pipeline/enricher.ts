import { readFile } from 'node:fs/promises';
import type { ArticleEnrichment, CountryRef } from '../core/enrichment.js';
import { enrichArticle, ENRICH_VERSION, type Enrichment } from '../enrich/enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../enrich/ner/ner-model-file.js';
import type { KnowledgeBase } from '../kb/kb-types.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';

export interface EnrichmentInput {
  readonly id?: string;
  readonly text: string;
  readonly title?: string;
  readonly published?: string;
}

/** The enrichment stage with its knowledge base and model loaded once per process. */
export interface ArticleEnricher {
  readonly version: string;
  enrich(input: EnrichmentInput): ArticleEnrichment;
}

export interface EnricherOptions {
  /** Folders of user KB additions (`sitrep kb add`). */
  readonly kbDirs?: readonly string[];
  readonly onProblem?: (problem: string) => void;
}

export const loadEnricher = async (options: EnricherOptions = {}): Promise<ArticleEnricher> => {
  const kb = loadKnowledgeBase({
    ...(options.kbDirs ? { userDirs: [...options.kbDirs] } : {}),
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
  });
  const model = loadNerModel(await readFile(NER_MODEL_URL));
  // The KB's own version joins the enricher's: a new KB release re-enriches on `reprocess`.
  const version = `${ENRICH_VERSION}+kb-${kb.version}`;
  const countryNames = new Map(
    kb
      .all()
      .filter((entity) => entity.iso2 !== undefined)
      .map((entity) => [entity.iso2!.toUpperCase(), entity.name] as const),
  );
  return {
    version,
    enrich: (input) =>
      toArticleEnrichment(enrichArticle(input, { kb, model }), version, (mention) =>
        countriesOfMention(mention, kb, countryNames),
      ),
  };
};

/** Types whose linked entity places an article in a country (a weapon's origin does not). */
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FACILITY', 'NORP']);

type Mention = Enrichment['entities'][number];

/**
 * The countries one mention places an article in: a country itself, a demonym's country, a city's
 * or a capital-as-metonym's country ("Washington", "the Kremlin").
 */
const countriesOfMention = (
  mention: Mention,
  kb: KnowledgeBase,
  countryNames: ReadonlyMap<string, string>,
): CountryRef[] => {
  if (!PLACE_TYPES.has(mention.type)) return [];
  const entity = kb.get(mention.id);
  if (!entity) return [];
  const codes = entity.iso2
    ? [entity.iso2]
    : entity.demonymOf
      ? [kb.get(entity.demonymOf)?.iso2]
      : mention.type === 'NORP'
        ? []
        : (entity.countries ?? []);
  return codes
    .filter((code): code is string => code !== undefined)
    .map((code) => code.toUpperCase())
    .map((code) => ({ code, name: countryNames.get(code) ?? code }));
};

export const toArticleEnrichment = (
  enrichment: Enrichment,
  version: string,
  countriesOf: (mention: Mention) => CountryRef[],
): ArticleEnrichment => ({
  version,
  entities: enrichment.entities.map(({ text, start, end, type, id, name }) => ({
    text,
    start,
    end,
    type,
    id,
    name,
  })),
  countries: [
    ...new Map(
      enrichment.entities.flatMap(countriesOf).map((country) => [country.code, country]),
    ).values(),
  ].sort((a, b) => a.code.localeCompare(b.code)),
  figures: enrichment.figures.map((figure) => ({
    text: figure.text,
    start: figure.start,
    end: figure.end,
    kind: figure.kind,
    value: figure.value,
    unit: figure.unit,
    ...(figure.subject !== undefined ? { subject: figure.subject } : {}),
  })),
  quotes: enrichment.quotes.map((quote) => ({
    text: quote.text,
    start: quote.start,
    end: quote.end,
    kind: quote.kind,
    ...(quote.speaker !== undefined ? { speaker: quote.speaker } : {}),
    ...(quote.speaker_id !== undefined ? { speakerId: quote.speaker_id } : {}),
    anonymous: quote.anonymous,
  })),
  relations: enrichment.relations.map((relation) => ({
    subjectId: relation.subject.id ?? `name:${relation.subject.name}`,
    subjectName: relation.subject.name,
    predicate: relation.predicate,
    objectId: relation.object.id ?? `name:${relation.object.name}`,
    objectName: relation.object.name,
    negated: relation.negated,
    start: relation.start,
    end: relation.end,
  })),
  document: enrichment,
});
