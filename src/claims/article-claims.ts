import { splitSentences, tokenize } from '../enrich/tokenize.js';
import { findAnchor } from './claim-anchor.js';
import { CLAIMS_VERSION, type Claim, type Claimant, type NormalisedValue } from './claim.js';
import { qualifierOf } from './claim-qualifier.js';
import { rateFor } from './currency-rates.js';
import type { LedgerArticle, LedgerFigure } from './ledger-input.js';

/** Words that make a figure a change rather than a level ("increasing ... by 20,000"). */
const DELTA_BEFORE_RE =
  /\b(?:by|increase of|increases of|rise of|boost of|cut of|cuts of|reduction of|additional|another|extra|a further|further)\s+(?:(?:about|around|some|up to|nearly|almost|more than|at least)\s+)?$/i;
const DELTA_IN_FIGURE_RE = /\b(?:additional|extra|further|new)\b|\bmore\b(?!\s+than)/i;
/** "from 30 to 52": the first figure is the level before the change. */
const FROM_BEFORE_RE = /\bfrom\s+$/i;
const TO_AFTER_RE = /^\s+to\b/i;

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'its', 'their', 'new', 'total', 'some', 'up']);

const singular = (word: string): string =>
  word.length > 3 && word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : word.length > 3 && word.endsWith('s') && !word.endsWith('ss')
      ? word.slice(0, -1)
      : word;

/** The subject's content words, singular and lower case: "EU defense package" -> "eu defense package". */
export const subjectKey = (subject: string): string =>
  subject
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .map(singular)
    .join(' ');

const family = (figure: LedgerFigure): string => {
  switch (figure.kind) {
    case 'money':
      return 'money';
    case 'count':
      return `count:${singular(figure.unit.toLowerCase().split(' ').at(-1) ?? figure.unit)}`;
    default:
      return figure.kind;
  }
};

const yearOf = (date: string | undefined): number | undefined => {
  const year = date ? Number(date.slice(0, 4)) : Number.NaN;
  return Number.isFinite(year) && year > 1900 ? year : undefined;
};

/** Money in US dollars at the yearly rate of the claim's date (or the latest year when undated). */
const normalise = (
  figure: LedgerFigure,
  year: number | undefined,
  reasons: string[],
): NormalisedValue => {
  if (figure.kind === 'money') {
    const usdPaired = figure.normalized?.amounts.find((a) => a.unit === 'USD');
    if (figure.unit !== 'USD' && usdPaired) {
      reasons.push(`normalised: the article's own dollar figure ${usdPaired.text}`);
      return { value: usdPaired.value, unit: 'USD' };
    }
    const rate = rateFor(figure.unit, year ?? new Date().getUTCFullYear());
    if (!rate) {
      reasons.push(`normalised: no rate for ${figure.unit}, kept as stated`);
      return { value: figure.value, unit: figure.unit };
    }
    if (figure.unit !== 'USD')
      reasons.push(
        `normalised: ${figure.unit} at ${rate.usdPerUnit} USD (${rate.year} average${year === undefined ? ', undated claim' : rate.nearestYear ? ', nearest tabled year' : ''})`,
      );
    return {
      value: figure.value * rate.usdPerUnit,
      unit: 'USD',
      rate: { usdPerUnit: rate.usdPerUnit, year: rate.year, source: rate.source },
    };
  }
  return { value: figure.value, unit: figure.unit };
};

const rangeHigh = (figure: LedgerFigure): number | undefined => {
  const amounts = figure.normalized?.amounts ?? [];
  const second = amounts[1];
  if (!second || amounts[0]?.unit !== second.unit) return undefined;
  return /\d\s*(?:-|–|to|and)\s*\S*\d/.test(figure.text) && second.value > figure.value
    ? second.value
    : undefined;
};

interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/** Every figure of an article as a claim, with its measure, claimant, date and evidence. */
export const claimsOfArticle = (article: LedgerArticle): Claim[] => {
  const { text, document } = article;
  const sentences: SentenceSpan[] = splitSentences(text, tokenize(text));
  const sentenceAt = (offset: number): SentenceSpan =>
    sentences.find((s) => s.start <= offset && offset < s.end) ?? { start: offset, end: offset };
  const published = article.published?.slice(0, 10);
  return document.figures.map((figure) => {
    const reasons: string[] = [];
    const sentence = sentenceAt(figure.start);
    const before = text.slice(sentence.start, figure.start);
    const after = text.slice(figure.end, sentence.end);
    const { qualifier: parsedQualifier, word } = qualifierOf(figure.normalized?.qualifier, before);
    const high = rangeHigh(figure);
    const qualifier = high !== undefined ? 'range' : parsedQualifier;
    if (word) reasons.push(`qualifier: "${word}" -> ${qualifier}`);
    const startingLevel = FROM_BEFORE_RE.test(before) && TO_AFTER_RE.test(after);
    const delta =
      figure.kind === 'multiplier' ||
      startingLevel ||
      DELTA_BEFORE_RE.test(before) ||
      DELTA_IN_FIGURE_RE.test(figure.text);
    if (delta)
      reasons.push(
        startingLevel
          ? 'change: the level before "from ... to"'
          : 'change: the figure states a change, not a level',
      );
    const paragraphStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
    const anchor = findAnchor({
      text,
      entities: document.entities,
      figureStart: figure.start,
      sentence,
      paragraphStart,
    });
    if (anchor) reasons.push(`about: ${anchor.reason}`);
    const subject = figure.subject ?? figure.unit;
    const key = subjectKey(figure.kind === 'count' ? figure.unit : subject);
    const measure = `${family(figure)}|${anchor ? anchor.id : key}`;
    const measureLabel = anchor ? `${subject} of ${anchor.name}` : subject;
    const dated = document.dates
      .filter((d) => d.value !== undefined && d.start >= sentence.start && d.end <= sentence.end)
      .sort((a, b) => Math.abs(a.start - figure.start) - Math.abs(b.start - figure.start))[0];
    const asOf = dated?.value?.split('/')[0] ?? published;
    const asOfBasis = dated ? 'sentence date' : published ? 'published' : 'unknown';
    if (dated) reasons.push(`as of: "${text.slice(dated.start, dated.end)}" in the sentence`);
    const normalised = normalise(figure, yearOf(asOf), reasons);
    const quote = document.quotes.find((q) => q.start <= figure.start && figure.end <= q.end);
    const claimant: Claimant =
      quote?.speaker !== undefined
        ? {
            name: quote.speaker,
            ...(quote.speaker_id ? { id: quote.speaker_id } : {}),
            kind: 'speaker',
          }
        : { name: article.source ?? 'unnamed outlet', kind: 'outlet' };
    reasons.push(
      claimant.kind === 'speaker'
        ? `claimant: quoted speaker`
        : 'claimant: the outlet (no speaker quoted)',
    );
    return {
      articleId: article.id,
      start: figure.start,
      end: figure.end,
      text: figure.text,
      sentence: { start: sentence.start, end: sentence.end },
      subject,
      ...(anchor ? { about: { id: anchor.id, name: anchor.name } } : {}),
      measure,
      measureLabel,
      kind: figure.kind,
      value: figure.value,
      ...(high !== undefined ? { high } : {}),
      unit: figure.unit,
      normalised,
      qualifier,
      delta,
      ...(asOf ? { asOf } : {}),
      asOfBasis,
      claimant,
      ...(article.published ? { published: article.published } : {}),
      ...(article.source ? { source: article.source } : {}),
      syndicationGroup: article.syndicationGroup,
      reasons,
      version: CLAIMS_VERSION,
    };
  });
};
