import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { KbEntity, Membership } from './kb-types.js';
import {
  COUNTRY_ALIASES,
  COUNTRY_DEMONYMS,
  COUNTRY_NAMES,
  COUNTRY_EXTRAS_SOURCE,
  EU_ACCESSION,
  MEMBERSHIP_SOURCE,
} from './data/country-extras.js';
import { NATO_ACCESSION } from './data/country-extras.js';

/**
 * Countries, their demonyms and capitals, built at load time from the npm package
 * `world-countries` (ODbL-1.0, by Mohammed Le Doze) plus our alias and membership tables.
 */
// The package's typings declare an ESM default export but it ships CommonJS (module.exports = array).
// Required on first use, not at import: it is 770 KB of JSON that only loading the KB needs.
const loadCountries = (): readonly Country[] =>
  createRequire(import.meta.url)('world-countries') as readonly Country[];

const PACKAGE_SOURCE = 'npm world-countries@5.1.0 (ODbL-1.0, mledoze/countries)';

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Two- and three-letter alternative spellings in the package are ISO codes ("FR", "FRA"): too noisy as names. */
const usefulAltSpelling = (s: string): boolean => s.replace(/[^\p{L}]/gu, '').length > 3;

const membershipsOf = (iso2: string): Membership[] => {
  const out: Membership[] = [];
  const nato = NATO_ACCESSION[iso2];
  if (nato) out.push({ of: 'org:nato', since: nato });
  const eu = EU_ACCESSION[iso2];
  if (eu) out.push({ of: 'org:eu', since: eu.since, ...(eu.until ? { until: eu.until } : {}) });
  return out;
};

export interface CountryEntities {
  readonly countries: KbEntity[];
  readonly demonyms: KbEntity[];
  readonly capitals: KbEntity[];
}

/** `takenNames` holds normalised names already claimed by hand-made places (Kyiv, Washington...). */
export const buildCountryEntities = (takenNames: (name: string) => boolean): CountryEntities => {
  const out: CountryEntities = { countries: [], demonyms: [], capitals: [] };
  const capitalIds = new Set<string>();
  for (const c of loadCountries()) {
    const iso2 = c.cca2;
    const gpeId = `gpe:${iso2.toLowerCase()}`;
    const aliases = new Set<string>([c.name.official, ...c.altSpellings.filter(usefulAltSpelling)]);
    for (const a of COUNTRY_ALIASES[iso2] ?? []) aliases.add(a);
    const name = COUNTRY_NAMES[iso2] ?? c.name.common;
    aliases.add(c.name.common);
    aliases.delete(name);
    const memberships = membershipsOf(iso2);
    out.countries.push({
      id: gpeId,
      type: 'GPE',
      kind: c.independent ? 'country' : 'territory',
      name,
      aliases: [...aliases],
      source: `${PACKAGE_SOURCE}; aliases: ${COUNTRY_EXTRAS_SOURCE}${memberships.length ? `; memberships: ${MEMBERSHIP_SOURCE}` : ''}`,
      countries: [iso2],
      iso2,
      iso3: c.cca3,
      ...(memberships.length ? { memberships } : {}),
    });

    const eng = c.demonyms['eng'];
    const demonyms = new Set<string>([
      ...(eng ? [eng.m, eng.f] : []),
      ...(COUNTRY_DEMONYMS[iso2] ?? []),
    ]);
    const [first, ...rest] = [...demonyms].filter((d) => d.length > 0);
    // Territories share their sovereign's demonym ("French" for French Southern Territories).
    if (first && c.independent) {
      out.demonyms.push({
        id: `norp:${iso2.toLowerCase()}`,
        type: 'NORP',
        kind: 'demonym',
        name: first,
        aliases: rest,
        source: `${PACKAGE_SOURCE}; plurals: ${COUNTRY_EXTRAS_SOURCE}`,
        countries: [iso2],
        demonymOf: gpeId,
      });
    }

    for (const capital of c.capital) {
      const id = `gpe:${slug(capital)}`;
      if (!capital || takenNames(capital) || capitalIds.has(id)) continue;
      capitalIds.add(id);
      out.capitals.push({
        id,
        type: 'GPE',
        kind: 'seat',
        name: capital,
        aliases: [],
        source: PACKAGE_SOURCE,
        countries: [iso2],
        metonymFor: [gpeId],
      });
    }
  }
  return out;
};
