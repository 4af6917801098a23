import type { Amount, Figure } from './figure-types.js';
import { NUM, NUMBER_PART, QUALIFIER, START, YEAR } from './figure-patterns.js';
import { MONEY_RANGE_RE, MONEY_RE, moneyAmount, moneyRange } from './money.js';
import { parseNumber } from './parse-number.js';
import { subjectAfter, subjectBefore } from './figure-subject.js';

export const FIGURES_VERSION = 'figures-4';

const DIST_UNITS: Readonly<Record<string, { unit: string; km: number }>> = {
  km: { unit: 'km', km: 1 },
  kilometer: { unit: 'km', km: 1 },
  kilometre: { unit: 'km', km: 1 },
  mile: { unit: 'mi', km: 1.609344 },
  'nautical mile': { unit: 'nmi', km: 1.852 },
  meter: { unit: 'm', km: 0.001 },
  metre: { unit: 'm', km: 0.001 },
};
const DIST_ONE = String.raw`${NUM}[ -]?(?:km|kilomet(?:er|re)s?|nautical miles?|miles?|met(?:er|re)s?)\b`;
const DIST_RE = new RegExp(String.raw`\b${QUALIFIER}(${DIST_ONE})(?:\s*\((${DIST_ONE})\))?`, 'giu');

const RANGE_TAIL = String.raw`(?:\s*(?:-|–|to)\s*(${NUM}))?`;
const PERCENT_RE = new RegExp(
  String.raw`${START}${QUALIFIER}(${NUM})(?:%?\s*(?:-|–|to)\s*(${NUM}))?\s?(?:%|percent\b|per cent\b|pct\b)`,
  'giu',
);

/** Nouns analysts count: forces, platforms, states. */
const COUNT_NOUNS =
  'troops|soldiers|servicemen|personnel|sailors|marines|fighters|countries|nations|states|allies|members|battle ?groups|brigades|battalions|divisions|regiments|squadrons|destroyers|frigates|warships|ships|vessels|submarines|carriers|jets|aircraft|planes|helicopters|drones|tanks|vehicles|howitzers|missiles|rockets|launchers|shells|rounds|systems|batteries|people|civilians|refugees|casualties|deaths|bases|satellites|units|weapons|tonnes|tons|terminals|guns|children|women|men|police';
/** Words that end a noun phrase before any count noun is reached. */
const NOT_MODIFIER =
  'as|the|of|in|on|at|to|and|or|for|from|by|with|a|an|is|are|was|were|be|been|has|have|had|will|would|that|which|who|than|since|after|before|per|into|this|these|its|their|his|her|it|they|he|she|we|said|says|years?|months?|weeks?|days?|hours?|minutes?|times?|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?';
/**
 * "28 M-55S tanks", "14 Iveco LAV III armored vehicles", "six enemy cruise missile carriers", "27 strikes":
 * a number, up to four words of name or modifier, and a count noun (a known one, or any plural).
 */
const COUNT_RE = new RegExp(
  String.raw`${START}${QUALIFIER}(${NUM})${RANGE_TAIL}((?:\s+of\s+(?:the|these|those|its|their))?(?:\s+(?!(?:${NOT_MODIFIER})\b)[\p{L}\d][\p{L}\d./-]*){0,4}?)\s+(${COUNT_NOUNS}|(?!(?:${NOT_MODIFIER})\b)\p{Ll}{2,}[^s\s\p{P}]s)\b`,
  'giu',
);
/**
 * "176 children have died and 324 have been injured", "killing 3 and wounding 4": a victim count whose
 * noun is left out; it counts the last noun counted before it in the sentence, else people.
 */
const VICTIMS_RE = new RegExp(
  String.raw`${START}${QUALIFIER}(${NUM})(?=\s+(?:(?:have|has|had)\s+been\s+|were\s+|are\s+|was\s+)?(?:killed|injured|wounded|died|dead|hurt|missing)\b)`,
  'giu',
);
/**
 * "the death toll ... has risen to 18", "the number of people killed ... increased to 24": a count
 * stated as the level a toll reached. Its unit is what the number counts ("people" for a toll).
 */
const TOLL_RE = new RegExp(
  String.raw`\b(?:death toll|toll|number of (?:the\s+)?(\p{L}+)(?:\s+\p{L}+)?)\b[^.;]{0,80}?\b(?:has\s+|have\s+)?(?:risen|rose|rises|increased|increases|climbed|climbs|reached|reaches|grown|grew|jumped|stands|stood)\s+(?:to|at)\s+(${NUM})(?![\p{L}\d%-]|\s*(?:%|percent|per cent))`,
  'giu',
);
const ELIDED_TO = new RegExp(String.raw`^\s+to\s+(${NUM})(?![\p{L}\d-]|\s+\p{L}{3,})`, 'iu');
/** "reduced the volley from 72 to 56": two numbers whose noun is elsewhere, a change. */
const FROM_TO_RE = new RegExp(
  String.raw`\bfrom\s+(${NUM})\s+to\s+(${NUM})(?![\p{L}\d%-]|\s+(?:${COUNT_NOUNS}|per|percent)\b)`,
  'giu',
);
/** "the 80,000 previously in Europe", "1.5 million": a large number whose noun is elsewhere. */
const BARE_RE = new RegExp(
  String.raw`${START}${QUALIFIER}((?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s+(?:million|billion|trillion|mln|bln)\b))(?![\p{L}\d%-])`,
  'giu',
);

const MULTIPLIER_RE =
  /\b(?:(more than|nearly|almost|about)\s+)?(doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|halv(?:e|ed|es|ing)|(?:one|two)[- ]thirds?|(?:one|three)[- ]quarters?|one[- ]half|a (?:third|quarter))\b/giu;

const FACTORS: readonly [RegExp, { factor?: number; ratio?: number }][] = [
  [/^doubl/i, { factor: 2 }],
  [/^tripl/i, { factor: 3 }],
  [/^quadrupl/i, { factor: 4 }],
  [/^halv/i, { factor: 0.5 }],
  [/^(?:one|a)[- ]third/i, { ratio: 1 / 3 }],
  [/^two[- ]thirds/i, { ratio: 2 / 3 }],
  [/^(?:one|a)[- ]quarter/i, { ratio: 0.25 }],
  [/^three[- ]quarters/i, { ratio: 0.75 }],
  [/^one[- ]half/i, { ratio: 0.5 }],
];

const distanceAmount = (text: string): (Amount & { km: number }) | undefined => {
  const lower = text.toLowerCase();
  const key = /(nautical mile|kilomet(?:er|re)|km|mile|met(?:er|re))/.exec(lower)?.[1];
  const norm =
    key === undefined
      ? undefined
      : (DIST_UNITS[key.replace('kilometre', 'kilometer').replace('metre', 'meter')] ??
        DIST_UNITS[key]);
  const num = NUMBER_PART.exec(text)?.[0];
  const value = num !== undefined ? parseNumber(num) : undefined;
  if (value === undefined || norm === undefined) return undefined;
  return { value, unit: norm.unit, text, km: value * norm.km };
};

/** All figures in `text`, in order, never overlapping (money and distances win over counts). */
export const findFigures = (text: string): Figure[] => {
  const figures: Figure[] = [];
  // Characters already inside a kept figure. Checking each candidate against every kept figure
  // was quadratic: 200 KB of "7%7%..." (100,000 percentages) took 74 s (bench/fuzz).
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number): boolean => taken.subarray(start, end).indexOf(1) < 0;
  const push = (f: Figure): void => {
    if (!free(f.start, f.end)) return;
    figures.push(f);
    taken.fill(1, f.start, f.end);
  };

  for (const m of text.matchAll(MONEY_RANGE_RE)) {
    const range = moneyRange(m, text.slice(Math.max(0, m.index - 200), m.index + m[0].length));
    if (range === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    push({
      text: m[0],
      start,
      end,
      kind: 'money',
      value: range[0].value,
      unit: range[0].unit,
      normalized: { amounts: range, qualifier: 'range' },
      ...optionalSubject(subjectAfter(text, end) ?? subjectBefore(text, start)),
    });
  }
  for (const m of text.matchAll(MONEY_RE)) {
    const context = text.slice(Math.max(0, m.index - 200), m.index + m[0].length);
    const first = moneyAmount(m[2] ?? '', context);
    if (first === undefined) continue;
    const pairedText = m[3] ?? m[4];
    const second = pairedText !== undefined ? moneyAmount(pairedText, context) : undefined;
    const start = m.index;
    const end = start + m[0].length;
    push({
      text: m[0],
      start,
      end,
      kind: 'money',
      value: first.value,
      unit: first.unit,
      normalized: {
        amounts: second ? [first, second] : [first],
        ...(m[1] ? { qualifier: m[1].toLowerCase() } : {}),
      },
      ...optionalSubject(subjectAfter(text, end) ?? subjectBefore(text, start)),
    });
  }
  for (const m of text.matchAll(DIST_RE)) {
    const first = distanceAmount(m[2] ?? '');
    if (first === undefined) continue;
    const second = m[3] !== undefined ? distanceAmount(m[3]) : undefined;
    const start = m.index;
    const end = start + m[0].length;
    const amounts = (second ? [first, second] : [first]).map(({ value, unit, text: t }) => ({
      value,
      unit,
      text: t,
    }));
    push({
      text: m[0],
      start,
      end,
      kind: 'distance',
      value: first.value,
      unit: first.unit,
      normalized: {
        amounts,
        km: Math.round(first.km * 1000) / 1000,
        ...(m[1] ? { qualifier: m[1].toLowerCase() } : {}),
      },
      ...optionalSubject(subjectBefore(text, start)),
    });
  }
  for (const m of text.matchAll(PERCENT_RE)) {
    const value = parseNumber(m[2] ?? '');
    if (value === undefined) continue;
    const upper = m[3] !== undefined ? parseNumber(m[3]) : undefined;
    const start = m.index;
    const end = start + m[0].length;
    const amounts = [{ value, unit: '%', text: m[0] }];
    if (upper !== undefined) amounts.push({ value: upper, unit: '%', text: m[0] });
    const qualifier = upper !== undefined ? 'range' : m[1]?.toLowerCase();
    push({
      text: m[0],
      start,
      end,
      kind: 'percent',
      value,
      unit: '%',
      normalized: {
        amounts,
        ratio: value / 100,
        ...(qualifier !== undefined ? { qualifier } : {}),
      },
      ...optionalSubject(subjectAfter(text, end, true) ?? subjectBefore(text, start)),
    });
  }
  for (const m of text.matchAll(COUNT_RE)) {
    const value = parseNumber(m[2] ?? '');
    if (value === undefined) continue;
    // "in 2022 Russian forces": a year, not a count.
    if (YEAR.test(m[2] ?? '') && m[1] === undefined && m[3] === undefined) continue;
    const upper = m[3] !== undefined ? parseNumber(m[3]) : undefined;
    const noun = (m[5] ?? '').toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    // "order 750 of the advanced fighter planes": the partitive "of the" is no part of the noun.
    const modifiers = (m[4] ?? '').trim().replace(/^of\s+\S+\s*/i, '');
    const phrase = `${modifiers} ${m[5] ?? ''}`.trim().replace(/\s+/g, ' ');
    const amounts = [{ value, unit: noun, text: m[0] }];
    if (upper !== undefined) amounts.push({ value: upper, unit: noun, text: m[0] });
    // "from four battle groups to eight": the second number shares the noun.
    const elided = ELIDED_TO.exec(text.slice(end, end + 40));
    const second = elided?.[1] !== undefined ? parseNumber(elided[1]) : undefined;
    if (second !== undefined && upper === undefined)
      amounts.push({
        value: second,
        unit: noun,
        text: text.slice(start, end + (elided?.[0].length ?? 0)),
      });
    const qualifier = upper !== undefined ? 'range' : m[1]?.toLowerCase();
    push({
      text: m[0],
      start,
      end,
      kind: 'count',
      value,
      unit: noun.replace(/\s+/g, ' '),
      normalized: {
        amounts,
        ...(qualifier !== undefined ? { qualifier } : {}),
      },
      subject: phrase,
    });
  }
  const countsBefore = (offset: number): string | undefined => {
    // The clause: a new sentence, a semicolon or a new line starts another count.
    const sentenceStart = Math.max(
      ...['. ', ';', '\n'].map((c) => text.lastIndexOf(c, offset) + 1),
    );
    return figures
      .filter(
        (f) => f.kind === 'count' && f.unit !== '' && f.end <= offset && f.start >= sentenceStart,
      )
      .sort((a, b) => b.end - a.end)[0]?.unit;
  };
  for (const m of text.matchAll(VICTIMS_RE)) {
    const value = parseNumber(m[2] ?? '');
    if (value === undefined || (YEAR.test(m[2] ?? '') && m[1] === undefined)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const unit = countsBefore(start) ?? 'people';
    push({
      text: m[0],
      start,
      end,
      kind: 'count',
      value,
      unit,
      normalized: {
        amounts: [{ value, unit, text: m[0] }],
        ...(m[1] ? { qualifier: m[1].toLowerCase() } : {}),
      },
      subject: unit,
    });
  }
  for (const m of text.matchAll(TOLL_RE)) {
    const value = parseNumber(m[2] ?? '');
    if (value === undefined || YEAR.test(m[2] ?? '')) continue;
    const end = m.index + m[0].length;
    const start = end - (m[2] ?? '').length;
    const unit = (m[1] ?? 'people').toLowerCase();
    push({
      text: m[2] ?? '',
      start,
      end,
      kind: 'count',
      value,
      unit,
      normalized: { amounts: [{ value, unit, text: m[2] ?? '' }] },
      subject: m[1] === undefined ? 'death toll' : unit,
    });
  }
  for (const m of text.matchAll(FROM_TO_RE)) {
    const a = parseNumber(m[1] ?? '');
    const b = parseNumber(m[2] ?? '');
    if (a === undefined || b === undefined || YEAR.test(m[1] ?? '') || YEAR.test(m[2] ?? ''))
      continue;
    const start = m.index;
    const end = start + m[0].length;
    push({
      text: m[0],
      start,
      end,
      kind: 'count',
      value: b,
      unit: '',
      normalized: {
        amounts: [
          { value: a, unit: '', text: m[1] ?? '' },
          { value: b, unit: '', text: m[2] ?? '' },
        ],
        qualifier: 'change',
      },
      ...optionalSubject(subjectBefore(text, start)),
    });
  }
  for (const m of text.matchAll(BARE_RE)) {
    const value = parseNumber(m[2] ?? '');
    if (value === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    push({
      text: m[0],
      start,
      end,
      kind: 'count',
      value,
      unit: '',
      normalized: {
        amounts: [{ value, unit: '', text: m[0] }],
        ...(m[1] ? { qualifier: m[1].toLowerCase() } : {}),
      },
      ...optionalSubject(subjectBefore(text, start) ?? subjectAfter(text, end)),
    });
  }
  for (const m of text.matchAll(MULTIPLIER_RE)) {
    const word = m[2] ?? '';
    const entry = FACTORS.find(([re]) => re.test(word));
    if (entry === undefined) continue;
    const [, norm] = entry;
    const start = m.index;
    const end = start + m[0].length;
    const value = norm.factor ?? norm.ratio ?? 0;
    // A verb ("doubling the troop presence") measures what follows; an adverb what precedes.
    const subject =
      /ing$|ed$|^(?:double|triple|halve)$/i.test(word) &&
      /^\s+(?:the|its|their|his|her|our)\b/i.test(text.slice(end))
        ? subjectAfter(text, end)
        : (subjectBefore(text, start) ?? subjectAfter(text, end));
    push({
      text: m[0],
      start,
      end,
      kind: 'multiplier',
      value,
      unit: norm.factor !== undefined ? 'x' : 'fraction',
      normalized: {
        amounts: [{ value, unit: norm.factor !== undefined ? 'x' : 'fraction', text: m[0] }],
        ...norm,
        ...(m[1] ? { qualifier: m[1].toLowerCase() } : {}),
      },
      ...optionalSubject(subject),
    });
  }
  return figures.sort((a, b) => a.start - b.start);
};

const optionalSubject = (subject: string | undefined): { subject?: string } =>
  subject === undefined ? {} : { subject };
