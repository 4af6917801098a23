/**
 * Our hand-made additions to the npm `world-countries` list: the names and demonyms news actually
 * uses, and NATO / EU membership dates. The base list (ISO codes, official names, capitals) comes
 * from the package at load time and is not copied here.
 */
export const COUNTRY_EXTRAS_SOURCE = 'sitrep editors; common usage in English-language news';
export const MEMBERSHIP_SOURCE =
  'sitrep editors from NATO and EU accession records (treaty entry-into-force dates)';

/**
 * ISO2 -> the name English-language defence news and the reference datasets (SIPRI, Kiel) use, where
 * the package's common name differs ("Türkiye"); the package's name stays an alias.
 */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  TR: 'Turkey',
};

/** ISO2 -> extra names (exact case kept: short all-caps forms only match as written). */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['U.S.', 'US', 'U.S.A.', 'USA', 'America', 'the States', 'United States of America'],
  GB: ['U.K.', 'UK', 'Britain', 'Great Britain', 'United Kingdom'],
  RU: ['Russian Federation'],
  KR: ['South Korea', 'Republic of Korea', 'ROK', 'S. Korea'],
  KP: ['North Korea', 'DPRK', 'N. Korea'],
  CN: ["People's Republic of China", 'PRC', 'mainland China'],
  TW: ['Republic of China', 'ROC'],
  CZ: ['Czech Republic', 'Czechia'],
  TR: ['Turkey', 'Türkiye', 'Turkiye'],
  NL: ['Holland', 'the Netherlands'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  SA: ['KSA'],
  IR: ['Islamic Republic of Iran'],
  SY: ['Syrian Arab Republic'],
  MD: ['Republic of Moldova'],
  MK: ['North Macedonia', 'Macedonia'],
  PS: ['Palestinian territories', 'Palestinian Territories'],
  CD: ['DRC', 'DR Congo', 'Democratic Republic of the Congo'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  VA: ['Vatican', 'Holy See'],
  BA: ['Bosnia'],
  DE: ['Federal Republic of Germany'],
  VN: ['Vietnam', 'Viet Nam'],
  LA: ['Laos'],
  MM: ['Myanmar', 'Burma'],
  BY: ['Belarus', 'Byelorussia'],
  GE: ['Georgia'],
};

/** ISO2 -> extra demonyms and plural forms (the package gives one singular demonym). */
export const COUNTRY_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  US: ['American', 'Americans', 'U.S.-made', 'US-made'],
  GB: ['British', 'Briton', 'Britons', 'Brits', 'UK-made'],
  FR: ['French', 'Frenchman', 'French-made'],
  DE: ['German', 'Germans', 'German-made'],
  NL: ['Dutch'],
  UA: ['Ukrainian', 'Ukrainians'],
  RU: ['Russian', 'Russians', 'Russian-made'],
  CN: ['Chinese', 'Chinese-made'],
  TW: ['Taiwanese'],
  KR: ['South Korean', 'South Koreans'],
  KP: ['North Korean', 'North Koreans'],
  PL: ['Polish', 'Pole', 'Poles'],
  TR: ['Turkish', 'Turks'],
  IL: ['Israeli', 'Israelis'],
  IR: ['Iranian', 'Iranians'],
  JP: ['Japanese'],
  IT: ['Italian', 'Italians'],
  ES: ['Spanish', 'Spaniard', 'Spaniards'],
  SE: ['Swedish', 'Swede', 'Swedes'],
  FI: ['Finnish', 'Finn', 'Finns'],
  DK: ['Danish', 'Dane', 'Danes'],
  NO: ['Norwegian', 'Norwegians'],
  CA: ['Canadian', 'Canadians'],
  AU: ['Australian', 'Australians'],
  IN: ['Indian', 'Indians'],
  BY: ['Belarusian', 'Belarusians'],
  EE: ['Estonian', 'Estonians'],
  LV: ['Latvian', 'Latvians'],
  LT: ['Lithuanian', 'Lithuanians'],
  RO: ['Romanian', 'Romanians'],
  CZ: ['Czech', 'Czechs'],
  SK: ['Slovak', 'Slovaks'],
  HU: ['Hungarian', 'Hungarians'],
  GR: ['Greek', 'Greeks'],
  BE: ['Belgian', 'Belgians'],
  PT: ['Portuguese'],
  CH: ['Swiss'],
  AT: ['Austrian', 'Austrians'],
  IE: ['Irish'],
  SA: ['Saudi', 'Saudis'],
  SY: ['Syrian', 'Syrians'],
  PS: ['Palestinian', 'Palestinians'],
  LB: ['Lebanese'],
  YE: ['Yemeni', 'Yemenis'],
  PK: ['Pakistani', 'Pakistanis'],
  AF: ['Afghan', 'Afghans'],
  IQ: ['Iraqi', 'Iraqis'],
  EG: ['Egyptian', 'Egyptians'],
  GE: ['Georgian', 'Georgians'],
  MD: ['Moldovan', 'Moldovans'],
  RS: ['Serbian', 'Serbs'],
  HR: ['Croatian', 'Croats'],
  BG: ['Bulgarian', 'Bulgarians'],
  SI: ['Slovenian', 'Slovenians'],
};

/** Group demonyms that are not one country. */
export const GROUP_DEMONYM_LINES: readonly string[] = [
  'european|European|Europeans|org:eu',
  'western|Western|Westerners|',
  'allied|Allied|Allies|org:nato',
  'soviet|Soviet|Soviets;Soviet-era;Soviet-made|',
  'arab|Arab|Arabs|',
  'kurdish|Kurdish|Kurds|',
  'baltic|Baltic|Baltic states|',
  'nordic|Nordic|Nordics|',
  'transatlantic|transatlantic|Transatlantic|',
];

/** ISO2 -> NATO accession date (treaty in force for founders: 1949-08-24). */
export const NATO_ACCESSION: Readonly<Record<string, string>> = {
  BE: '1949-08-24', CA: '1949-08-24', DK: '1949-08-24', FR: '1949-08-24', IS: '1949-08-24',
  IT: '1949-08-24', LU: '1949-08-24', NL: '1949-08-24', NO: '1949-08-24', PT: '1949-08-24',
  GB: '1949-08-24', US: '1949-08-24', GR: '1952-02-18', TR: '1952-02-18', DE: '1955-05-06',
  ES: '1982-05-30', CZ: '1999-03-12', HU: '1999-03-12', PL: '1999-03-12', BG: '2004-03-29',
  EE: '2004-03-29', LV: '2004-03-29', LT: '2004-03-29', RO: '2004-03-29', SK: '2004-03-29',
  SI: '2004-03-29', AL: '2009-04-01', HR: '2009-04-01', ME: '2017-06-05', MK: '2020-03-27',
  FI: '2023-04-04', SE: '2024-03-07',
};

/** ISO2 -> EU (EEC for founders) accession date, and exit date where one happened. */
export const EU_ACCESSION: Readonly<Record<string, { since: string; until?: string }>> = {
  BE: { since: '1958-01-01' }, FR: { since: '1958-01-01' }, DE: { since: '1958-01-01' },
  IT: { since: '1958-01-01' }, LU: { since: '1958-01-01' }, NL: { since: '1958-01-01' },
  DK: { since: '1973-01-01' }, IE: { since: '1973-01-01' },
  GB: { since: '1973-01-01', until: '2020-01-31' },
  GR: { since: '1981-01-01' }, ES: { since: '1986-01-01' }, PT: { since: '1986-01-01' },
  AT: { since: '1995-01-01' }, FI: { since: '1995-01-01' }, SE: { since: '1995-01-01' },
  CY: { since: '2004-05-01' }, CZ: { since: '2004-05-01' }, EE: { since: '2004-05-01' },
  HU: { since: '2004-05-01' }, LV: { since: '2004-05-01' }, LT: { since: '2004-05-01' },
  MT: { since: '2004-05-01' }, PL: { since: '2004-05-01' }, SK: { since: '2004-05-01' },
  SI: { since: '2004-05-01' }, BG: { since: '2007-01-01' }, RO: { since: '2007-01-01' },
  HR: { since: '2013-07-01' },
};
