import type { Amount } from './figure-types.js';
import {
  GLUED_SCALE,
  NUM,
  NUMBER_PART,
  QUALIFIER,
  QUALIFIER_WORDS,
  START,
  YEAR,
} from './figure-patterns.js';
import { SCALE_WORDS, parseNumber } from './parse-number.js';

/** Money: symbols and currency words before or after the number, paired values, ranges. */

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  a$: 'AUD',
  au$: 'AUD',
  aud: 'AUD',
  c$: 'CAD',
  ca$: 'CAD',
  cad: 'CAD',
  nz$: 'NZD',
  hk$: 'HKD',
  s$: 'SGD',
  chf: 'CHF',
  nok: 'NOK',
  sek: 'SEK',
  dkk: 'DKK',
  uah: 'UAH',
  rub: 'RUB',
  pln: 'PLN',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'JPY',
};
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  // wire style: "400 mln dlr contract", "4.9-mln-dlr"
  dlr: 'USD',
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
  // wire style: "a 400 mln stg government order", "1.3 mln ringgit"
  stg: 'GBP',
  ringgit: 'MYR',
  franc: 'FRF',
  kronor: 'SEK',
};
/** "7.4bn Australian dollars": a dollar of another country. */
const DOLLAR_COUNTRIES: Readonly<Record<string, string>> = {
  australian: 'AUD',
  canadian: 'CAD',
  'hong kong': 'HKD',
  'new zealand': 'NZD',
  singapore: 'SGD',
  taiwan: 'TWD',
};
/** "400 million crowns": whose crown the sentence says ("Norway will allocate ..."); else no currency. */
const CROWN_COUNTRIES: readonly (readonly [RegExp, string])[] = [
  [/\bNorw/i, 'NOK'],
  [/\bSwed/i, 'SEK'],
  [/\b(?:Danish|Denmark)/i, 'DKK'],
  [/\bCzech/i, 'CZK'],
  [/\bIceland/i, 'ISK'],
];
const SYMBOL = String.raw`(?:US\$|AU?\$|CA?\$|NZ\$|HK\$|S\$|\$|€|£|¥|(?:USD|AUD|CAD|CHF|NOK|SEK|DKK|EUR|GBP|UAH|RUB|PLN)\s?)`;
const CURRENCY_WORD = String.raw`(?:(?:us|australian|canadian|hong kong|new zealand|singapore|taiwan)\s+)?(?:dollars?|dlrs?)|euros?|pounds?(?: sterling)?|yen|yuan|rubles?|roubles?|hryvnias?|won|rupees?|zlotys?|shekels?|riyals?|lira|stg|ringgit|(?:French\s+|Swiss\s+)?francs?|crowns?|kron(?:er|or|a|e)\b`;
const MONEY_ONE = String.raw`(?:${SYMBOL}\s?${NUM}(?:${GLUED_SCALE})?|${NUM}(?:${GLUED_SCALE})?[\s-](?:${CURRENCY_WORD}))`;
export const MONEY_RE = new RegExp(
  String.raw`${START}${QUALIFIER}(${MONEY_ONE})(?:\s*\((?:${QUALIFIER_WORDS})?\s*(${MONEY_ONE})(?:[;,]\s*${MONEY_ONE})*\)|,?\s+or\s+(?:${QUALIFIER_WORDS})?\s*(${MONEY_ONE}))?`,
  'giu',
);
/**
 * "two to three mln dlrs", "$10m-$15m", "between €10bn and €15bn", "$5 to $10 million": a range of
 * money, the currency and scale written once or twice. "and" only after "between"; never after
 * "from" ("from $5bn to $10bn" is a change).
 */
const RANGE_SEPARATOR = String.raw`(?:\s*(?:-|–)\s*|\s+to\s+|(?<=\bbetween\s+\S{1,24})\s+and\s+)`;
export const MONEY_RANGE_RE = new RegExp(
  String.raw`${START}(?<![$€£¥]\s?)(?<!\bfrom\s)${QUALIFIER}(?:between\s+)?(${SYMBOL})?\s?(${NUM})(${GLUED_SCALE})?${RANGE_SEPARATOR}(${SYMBOL})?\s?(${NUM})(${GLUED_SCALE})?(?:[\s-](${CURRENCY_WORD}))?(?![\p{L}\d])`,
  'giu',
);

const GLUED_FACTORS: Readonly<Record<string, number>> = {
  bn: 1e9,
  b: 1e9,
  mn: 1e6,
  m: 1e6,
  tn: 1e12,
  k: 1e3,
};

/** The currency of a symbol ("A$") or a currency word ("Australian dollars", "crowns" after "Norway"). */
const currencyOf = (
  symbol: string | undefined,
  word: string | undefined,
  context: string,
): string | undefined => {
  if (symbol !== undefined) return CURRENCY_SYMBOLS[symbol.trim().toLowerCase()];
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  if (/\b(?:crowns?|krone|kroner|krona)$/.test(lower))
    return CROWN_COUNTRIES.find(([re]) => re.test(context))?.[1];
  const country = /^(australian|canadian|hong kong|new zealand|singapore|taiwan)\s/.exec(
    lower,
  )?.[1];
  if (country !== undefined) return DOLLAR_COUNTRIES[country];
  const key =
    /(dollar|dlr|euro|pound|yen|yuan|ruble|rouble|hryvnia|won|rupee|zloty|shekel|riyal|lira|stg|ringgit|franc|kronor)/.exec(
      lower,
    )?.[1];
  return key !== undefined ? CURRENCY_WORDS[key] : undefined;
};

const SYMBOL_AT_START = new RegExp(`^${SYMBOL}`, 'iu');

/** One amount of money; `context` is the text before it (a crown's country). */
export const moneyAmount = (text: string, context = ''): Amount | undefined => {
  const symbol = SYMBOL_AT_START.exec(text)?.[0];
  const rest = symbol !== undefined ? text.slice(symbol.length).trim() : text;
  const num = NUMBER_PART.exec(rest)?.[0];
  const word = num !== undefined ? rest.slice(rest.indexOf(num) + num.length) : undefined;
  const currency = currencyOf(
    symbol,
    symbol === undefined ? word?.replace(/^(?:bn|mn|tn|m|b|k)\b/i, '').trim() : undefined,
    context,
  );
  let value = num !== undefined ? parseNumber(num) : undefined;
  const glued = word !== undefined ? /^(bn|mn|tn|m|b|k)\b/i.exec(word)?.[1] : undefined;
  if (value !== undefined && glued !== undefined) value *= GLUED_FACTORS[glued.toLowerCase()] ?? 1;
  if (value === undefined || currency === undefined) return undefined;
  return { value, unit: currency, text };
};

/**
 * Both ends of a money range. A first number without its own scale takes the second's ("two to three
 * mln dlrs" is 2 and 3 million) unless that would put it above the second end. Undefined without a
 * currency or when the ends are not a rising range.
 */
const SCALE_TAIL = new RegExp(String.raw`(?:[\s-](?:${SCALE_WORDS.join('|')}))+$`, 'i');

export const moneyRange = (m: RegExpMatchArray, context: string): [Amount, Amount] | undefined => {
  const [, , symbolA, numA = '', gluedA, symbolB, numB = '', gluedB, word] = m;
  const currency = currencyOf(symbolA ?? symbolB, (symbolA ?? symbolB) ? undefined : word, context);
  const a = parseNumber(numA);
  const b = parseNumber(numB);
  if (currency === undefined || a === undefined || b === undefined) return undefined;
  // "in 1989 to 750 mln dlrs": a year, not the low end.
  if (YEAR.test(numA) && symbolA === undefined) return undefined;
  const glue = (g: string | undefined): number => (g ? (GLUED_FACTORS[g.toLowerCase()] ?? 1) : 1);
  const high = b * glue(gluedB);
  // The scale written after the second number: "15 million" is 15 x 1e6.
  const bareB = parseNumber(numB.replace(SCALE_TAIL, '')) ?? b;
  const scaleB = high / bareB;
  const ownScale = gluedA !== undefined || SCALE_TAIL.test(numA) || a * scaleB > high;
  const low = ownScale ? a * glue(gluedA) : a * scaleB;
  if (!(low < high)) return undefined;
  const text = m[0];
  return [
    { value: low, unit: currency, text },
    { value: high, unit: currency, text },
  ];
};
