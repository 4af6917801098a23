import { splitSentences, tokenize } from '../enrich/tokenize.js';
import { findAnchor, placesOf } from './claim-anchor.js';
import { CLAIMS_VERSION, type Claim, type Claimant, type NormalisedValue } from './claim.js';
import { qualifierOf } from './claim-qualifier.js';
import { PER_DAY_RE, predicateNear } from './claim-predicate.js';
import { rateFor } from './currency-rates.js';
import type { LedgerArticle, LedgerFigure } from './ledger-input.js';
import { PART, markTotals, sharedFloor } from './claim-totals.js';

/** Words that make a figure a change rather than a level ("increasing ... by 20,000"). */
const DELTA_BEFORE_RE =
  /\b(?:by|increase of|increases of|rise of|boost of|cut of|cuts of|reduction of|additional|another|extra|a further|further)\s+(?:(?:about|around|some|up to|nearly|almost|more than|at least)\s+)?$/i;
const DELTA_IN_FIGURE_RE = /\b(?:additional|extra|further|new)\b|\bmore\b(?!\s+than)/i;
/** "from 30 to 52": the first figure is the level before the change. */
const FROM_BEFORE_RE = /\bfrom\s+$/i;
const TO_AFTER_RE = /^\s+to\b/i;

/** Cues of a running tally: such a figure is updated day by day, so a day's lag is no conflict. */
const RUNNING_RE =
  /\b(?:since (?:the )?(?:beginning|start|outbreak)|since (?:russia|the (?:full-scale )?invasion|february|march|the war)|so far|to date|in total|a total of|has recorded|have recorded|has registered|have registered|has verified|have been (?:killed|wounded|injured|destroyed)|cumulative|already)\b/i;

/** A provisional figure ("according to preliminary data", "previously") is a floor, not a final count. */
const PROVISIONAL_RE =
  /\b(?:preliminar(?:y|ily)|previously|initial (?:data|reports?|information))\b/i;

/** A time of day the statement holds at ("as of 19:30"), else a wire dateline's ("24.09.22 07:20 - "). */
const AS_OF_TIME_RE = /\bas of (\d{1,2})[:.](\d{2})\b/i;
const DATELINE_TIME_RE = /^\s*\d{2}\.\d{2}\.\d{2,4}\s+(\d{1,2}):(\d{2})\s+[-–—]/;

const reportTime = (sentence: string, text: string): string | undefined => {
  const m = AS_OF_TIME_RE.exec(sentence) ?? DATELINE_TIME_RE.exec(text);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : undefined;
};

/**
 * The part of a day a sentence says its figure holds for: "as of the morning of October 9" (a snapshot of
 * a toll still moving), "in the evening of April 16" (a window), "as of 10:00". Only these explicit forms:
 * "in the night attack" names an event, not a window, and a wire dateline's hour is when it was filed.
 */
const DAY_PART_RE =
  /\b(?:as of|in|on|during|by) the (morning|afternoon|evening|night) of\b|\bas of (?:this |the )?(morning|afternoon|evening|tonight)\b/i;
export const dayPartOf = (sentence: string): Claim['dayPart'] => {
  const named = DAY_PART_RE.exec(sentence);
  const word = (named?.[1] ?? named?.[2])?.toLowerCase();
  if (word) return word === 'tonight' ? 'night' : (word as Claim['dayPart']);
  const hour = AS_OF_TIME_RE.exec(sentence)?.[1];
  if (hour === undefined) return undefined;
  const h = Number(hour);
  return h < 5 || h >= 22 ? 'night' : h < 12 ? 'morning' : h < 17 ? 'afternoon' : 'evening';
};

/**
 * A day's count without a date ("over the past day", "in a day", "yesterday") in a morning bulletin is
 * the previous day's: "25.10.22 08:07 - ... killed 7 civilians in a day" counts October 24, like another
 * outlet's "On October 24, ... killed seven". Without a stated hour too: Ukrinform's "killed four civilians
 * over the past day" of August 31 is censor.net's "On August 30, ... killed 4" (RUWA). Says why, or
 * undefined when the day is the report's own (a report at noon or later, "today").
 */
const YESTERDAY_RE = /\byesterday\b/i;
const PAST_DAY_RE =
  /\b(?:(?:in|during|over|for) (?:the |one |a )?(?:past |last )?day|in day|last day|(?:in|over|during) the (?:past|last) 24 hours)\b/i;
const dayBefore = (sentence: string, text: string): string | undefined => {
  if (YESTERDAY_RE.test(sentence)) return '"yesterday"';
  if (!PAST_DAY_RE.test(sentence)) return undefined;
  const time = reportTime(sentence, text);
  if (time === undefined)
    return "a past day's count (no stated hour: a morning relay of yesterday's figures)";
  return Number(time.slice(0, 2)) < 12 ? `a past day's count reported at ${time}` : undefined;
};
const previousDay = (date: string): string =>
  new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** "including six children", "among them 3 children": a part of the count before it. */
const PART_BEFORE_RE = /\b(?:including|among them|among whom|of whom|of them)\s+$/i;
/** A toll still being counted ("has increased to 17", "reached 14"): each report states its own day. */
const RISING_RE =
  /\b(?:increased to|rose to|risen to|climbed to|grew to|reached|now stands at|has risen to|jumped to)\s+(?:\S+\s+){0,2}$/i;

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

const CONTEXT_STOP = new Set([
  ...STOP_WORDS,
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
  'as',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'been',
  'be',
  'that',
  'this',
  'which',
  'who',
  'it',
  'its',
  'than',
  'more',
]);

/** The statement's content words (no numbers, no stop words), at most 40, for like-context checks. */
const contextWords = (sentence: string, figureText: string): string[] =>
  [
    ...new Set(
      sentence
        .replace(figureText, ' ')
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length > 2 && !CONTEXT_STOP.has(w))
        .map(singular),
    ),
  ].slice(0, 40);

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
  const claims = document.figures.map((figure): Claim => {
    const reasons: string[] = [];
    const sentence = sentenceAt(figure.start);
    const before = text.slice(sentence.start, figure.start);
    const after = text.slice(figure.end, sentence.end);
    const { qualifier: parsedQualifier, word } = qualifierOf(figure.normalized?.qualifier, before);
    const high = rangeHigh(figure);
    const sentenceText = text.slice(sentence.start, sentence.end);
    const provisional = parsedQualifier === 'exact' && PROVISIONAL_RE.test(sentenceText);
    const qualifier =
      high !== undefined ? 'range' : provisional ? ('at least' as const) : parsedQualifier;
    if (word) reasons.push(`qualifier: "${word}" -> ${qualifier}`);
    if (provisional) reasons.push('qualifier: a provisional figure -> at least');
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
    // "from February 24 to August 1": a period's start is not the time the figure holds at.
    const periodStart = (d: { start: number }): boolean =>
      /\b(?:since|from|between|after|starting|beginning)\s+(?:the\s+)?$/i.test(
        text.slice(Math.max(sentence.start, d.start - 16), d.start),
      );
    const perDay = PER_DAY_RE.test(sentenceText);
    // "have been killed ... over the past day" is that day's count, not a tally since the war began.
    const running =
      (RUNNING_RE.test(sentenceText) && (!perDay || /\bsince\b/i.test(sentenceText))) ||
      RISING_RE.test(before) ||
      document.dates.some(
        (d) => d.start >= sentence.start && d.end <= sentence.end && periodStart(d),
      );
    if (running) reasons.push('running tally: the sentence counts up to its date');
    const paragraphStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
    const anchorContext = {
      text,
      entities: document.entities,
      figureStart: figure.start,
      sentence,
      paragraphStart,
    };
    const anchor = findAnchor(anchorContext);
    // A country the count is "in" is a place, however it was found: "in Donetsk region, 4 killed"
    // and "4 killed in Donetsk region" measure one thing.
    const places = [
      ...new Set([...placesOf(anchorContext, anchor?.id), ...(anchor?.place ? [anchor.id] : [])]),
    ].sort();
    if (anchor) reasons.push(`about: ${anchor.reason}`);
    const subject = figure.subject ?? figure.unit;
    const key = subjectKey(figure.kind === 'count' ? figure.unit : subject);
    const predicate = predicateNear(
      sentenceText,
      figure.start - sentence.start,
      figure.end - sentence.start,
    );
    if (predicate) reasons.push(`predicate: ${predicate}`);
    if (perDay) reasons.push('per day: a count for one day');
    const owner = anchor && !anchor.place ? anchor.id : key;
    // "12 killed, including six children": the children are a part of the 12, not a count to compare.
    const part = PART_BEFORE_RE.test(before);
    if (part) reasons.push('part: a subset of the count before it ("including")');
    const measure = `${family(figure)}|${predicate ?? ''}|${places.join('+')}|${owner}${part ? `|${PART}` : ''}`;
    const measureLabel = `${subject}${predicate ? ` ${predicate}` : ''}${anchor ? ` (${anchor.name})` : ''}`;
    const dated = document.dates
      .filter((d) => d.value !== undefined && d.start >= sentence.start && d.end <= sentence.end)
      .filter((d) => !periodStart(d))
      .sort((a, b) => Math.abs(a.start - figure.start) - Math.abs(b.start - figure.start))[0];
    // A tally still being counted holds at the time of the report, not of the event it counts.
    const useDate = dated && !(running && published);
    const previous = !useDate && perDay && published !== undefined && dayBefore(sentenceText, text);
    const asOf = useDate
      ? dated.value?.split('/')[0]
      : previous
        ? previousDay(published)
        : published;
    const asOfBasis = useDate ? 'sentence date' : published ? 'published' : 'unknown';
    if (useDate) reasons.push(`as of: "${text.slice(dated.start, dated.end)}" in the sentence`);
    else if (dated) reasons.push('as of: publication (a running tally is as of its report)');
    if (previous) reasons.push(`as of: the day before the report (${previous})`);
    const time = asOf ? reportTime(sentenceText, text) : undefined;
    const dayPart = dayPartOf(sentenceText);
    if (dayPart) reasons.push(`part of the day: ${dayPart}`);
    if (time) reasons.push(`reported at ${time}`);
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
      context: contextWords(sentenceText, figure.text),
      measure,
      measureLabel,
      kind: figure.kind,
      value: figure.value,
      ...(high !== undefined ? { high } : {}),
      unit: figure.unit,
      normalised,
      qualifier,
      delta,
      running,
      ...(predicate ? { predicate } : {}),
      perDay,
      ...(asOf ? { asOf } : {}),
      asOfBasis,
      ...(time ? { reportedAt: `${asOf!.slice(0, 10)}T${time}` } : {}),
      ...(dayPart ? { dayPart } : {}),
      claimant,
      ...(article.published ? { published: article.published } : {}),
      ...(article.source ? { source: article.source } : {}),
      syndicationGroup: article.syndicationGroup,
      reasons,
      version: CLAIMS_VERSION,
    };
  });
  return markTotals(sharedFloor(claims, text));
};
