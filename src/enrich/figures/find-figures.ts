import type { Amount, Figure } from './figure-types.js';
import { NUMBER_SOURCE, parseNumber } from './parse-number.js';
import { subjectAfter, subjectBefore } from './figure-subject.js';

export const FIGURES_VERSION = 'figures-1';

const NUM = NUMBER_SOURCE;
const QUALIFIER = String.raw`(?:(at least|more than|less than|fewer than|up to|about|around|nearly|almost|some|over|roughly|approximately|as many as|an estimated)\s+)?`;

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'JPY',
};
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  euro: 'EUR',
  pound: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  ruble: 'RUB',
  rouble: 'RUB',
  hryvnia: 'UAH',
  won: 'KRW',
  rupee: 'INR',
  zloty: 'PLN',
  shekel: 'ILS',
  riyal: 'SAR',
  lira: 'TRY',
};
const MONEY_ONE = String.raw`(?:(?:US\$|\$|€|£|¥|USD ?|EUR ?|GBP ?)${NUM}|${NUM}[ -](?:us )?(?:dollars?|euros?|pounds?(?: sterling)?|yen|yuan|rubles?|roubles?|hryvnias?|won|rupees?|zlotys?|shekels?|riyals?|lira))`;
const MONEY_RE = new RegExp(
  String.raw`\b${QUALIFIER}(${MONEY_ONE})(?:\s*\((${MONEY_ONE})\))?`,
  'giu',
);

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

const PERCENT_RE = new RegExp(
  String.raw`\b${QUALIFIER}(${NUM})\s?(?:%|percent\b|per cent\b)`,
  'giu',
);

/** Nouns analysts count: forces, platforms, states. */
const COUNT_NOUNS =
  'troops|soldiers|servicemen|personnel|sailors|marines|fighters|countries|nations|states|allies|members|battle ?groups|brigades|battalions|divisions|regiments|squadrons|destroyers|frigates|warships|ships|vessels|submarines|carriers|jets|aircraft|planes|helicopters|drones|tanks|vehicles|howitzers|missiles|rockets|launchers|shells|rounds|systems|batteries|people|civilians|refugees|casualties|deaths|bases|satellites|units|weapons';
const COUNT_RE = new RegExp(
  String.raw`\b${QUALIFIER}(${NUM})((?:\s+(?:additional|more|new|extra|further|[a-z]+-?[a-z]*(?:al|ic|ed|ive|ian|ean|ese|ish|ary|ern))){0,2})\s+(${COUNT_NOUNS})\b`,
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

const numberPart = new RegExp(NUM, 'iu');

const moneyAmount = (text: string): Amount | undefined => {
  const lower = text.toLowerCase();
  const symbol = /^(us\$|\$|€|£|¥|usd|eur|gbp)/.exec(lower)?.[1];
  let currency = symbol !== undefined ? CURRENCY_SYMBOLS[symbol] : undefined;
  if (currency === undefined) {
    const word =
      /(dollar|euro|pound|yen|yuan|ruble|rouble|hryvnia|won|rupee|zloty|shekel|riyal|lira)/.exec(
        lower,
      )?.[1];
    currency = word !== undefined ? CURRENCY_WORDS[word] : undefined;
  }
  const num = numberPart.exec(symbol !== undefined ? text.slice(symbol.length).trim() : text)?.[0];
  const value = num !== undefined ? parseNumber(num) : undefined;
  if (value === undefined || currency === undefined) return undefined;
  return { value, unit: currency, text };
};

const distanceAmount = (text: string): (Amount & { km: number }) | undefined => {
  const lower = text.toLowerCase();
  const key = /(nautical mile|kilomet(?:er|re)|km|mile|met(?:er|re))/.exec(lower)?.[1];
  const norm =
    key === undefined
      ? undefined
      : (DIST_UNITS[key.replace('kilometre', 'kilometer').replace('metre', 'meter')] ??
        DIST_UNITS[key]);
  const num = numberPart.exec(text)?.[0];
  const value = num !== undefined ? parseNumber(num) : undefined;
  if (value === undefined || norm === undefined) return undefined;
  return { value, unit: norm.unit, text, km: value * norm.km };
};

/** All figures in `text`, in order, never overlapping (money and distances win over counts). */
export const findFigures = (text: string): Figure[] => {
  const figures: Figure[] = [];
  const free = (start: number, end: number): boolean =>
    figures.every((f) => end <= f.start || start >= f.end);
  const push = (f: Figure): void => {
    if (free(f.start, f.end)) figures.push(f);
  };

  for (const m of text.matchAll(MONEY_RE)) {
    const first = moneyAmount(m[2] ?? '');
    if (first === undefined) continue;
    const second = m[3] !== undefined ? moneyAmount(m[3]) : undefined;
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
    const start = m.index;
    const end = start + m[0].length;
    push({
      text: m[0],
      start,
      end,
      kind: 'percent',
      value,
      unit: '%',
      normalized: {
        amounts: [{ value, unit: '%', text: m[0] }],
        ratio: value / 100,
        ...(m[1] ? { qualifier: m[1].toLowerCase() } : {}),
      },
      ...optionalSubject(subjectAfter(text, end, true) ?? subjectBefore(text, start)),
    });
  }
  for (const m of text.matchAll(COUNT_RE)) {
    const value = parseNumber(m[2] ?? '');
    if (value === undefined) continue;
    const noun = (m[4] ?? '').toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    const phrase = `${(m[3] ?? '').trim()} ${m[4] ?? ''}`.trim().replace(/\s+/g, ' ');
    push({
      text: m[0],
      start,
      end,
      kind: 'count',
      value,
      unit: noun.replace(/\s+/g, ' '),
      normalized: {
        amounts: [{ value, unit: noun, text: m[0] }],
        ...(m[1] ? { qualifier: m[1].toLowerCase() } : {}),
      },
      subject: phrase,
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
