import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { COUNTRY_ALIASES } from '../../kb/data/country-extras.js';

/**
 * Country names as the tagger's rules see them ("sweden", "united arab emirates", "u.s."):
 * common names, the KB's aliases, and the package's longer alternative spellings. Read from the
 * npm package `world-countries` (ODbL-1.0) at run time, as src/kb does, never copied into the
 * model. Loaded on first use.
 */
let names: ReadonlySet<string> | undefined;

export const countryNames = (): ReadonlySet<string> => {
  if (names !== undefined) return names;
  const out = new Set<string>();
  const countries = createRequire(import.meta.url)('world-countries') as readonly Country[];
  for (const c of countries) {
    out.add(c.name.common.toLowerCase());
    for (const a of c.altSpellings)
      if (a.replace(/[^\p{L}]/gu, '').length > 3) out.add(a.toLowerCase());
    for (const a of COUNTRY_ALIASES[c.cca2] ?? [])
      if (!a.startsWith('the ')) out.add(a.toLowerCase());
  }
  names = out;
  return out;
};

/** Words (as tokens) that spell exactly one country name. */
export const isCountryName = (words: readonly string[]): boolean =>
  words.length > 0 && words.length <= 4 && countryNames().has(words.join(' ').toLowerCase());

/** Sides that play as a country without being one today ("England", "West Germany"). */
const NATIONAL_SIDES = new Set([
  'england',
  'scotland',
  'wales',
  'northern ireland',
  'soviet union',
  'west germany',
  'east germany',
  'yugoslavia',
  'czechoslovakia',
]);

/** A country's name or a side that plays as a country (news conventions keep both places). */
export const isNationalSide = (name: readonly string[]): boolean =>
  isCountryName(name) || NATIONAL_SIDES.has(name.join(' ').toLowerCase());

let demonyms: ReadonlySet<string> | undefined;

/**
 * Lower-cased demonyms ("welsh", "filipino", "british") from the same package, plus the nations
 * of the United Kingdom the package folds into "British".
 */
export const demonymWords = (): ReadonlySet<string> => {
  if (demonyms !== undefined) return demonyms;
  const out = new Set<string>(['english', 'scottish', 'welsh', 'scots', 'cornish']);
  const countries = createRequire(import.meta.url)('world-countries') as readonly Country[];
  for (const c of countries) {
    const eng = c.demonyms['eng'];
    if (eng === undefined) continue;
    for (const d of [eng.m, eng.f]) if (d !== '' && !d.includes(' ')) out.add(d.toLowerCase());
  }
  demonyms = out;
  return out;
};
