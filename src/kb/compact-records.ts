import type { EntityKind, EntityType, KbEntity, KbOffice, OfficeTerm } from './kb-types.js';
import { ENTITY_TYPES } from './kb-types.js';

/**
 * The shipped data is written as one "|"-separated line per record (see each data file's header):
 * hundreds of records stay readable and reviewable as diffs. These parsers turn lines into records
 * and throw on a malformed line, so a bad edit fails the loader test rather than a user.
 */

const list = (field: string | undefined, sep: string): string[] =>
  (field ?? '')
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const fields = (line: string, count: number, what: string): string[] => {
  const parts = line.split('|');
  if (parts.length !== count) {
    throw new Error(`${what}: expected ${count} fields, got ${parts.length}: ${line}`);
  }
  return parts.map((p) => p.trim());
};

const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    ? {}
    : { [key]: value }) as { [P in K]?: V };

/**
 * Names may carry a marker: "=PLAN" matches only with that case, "~Rafael" is looked up but not
 * searched for in running text. Returns the clean names plus the marked subsets.
 */
const markedNames = (
  name: string | undefined,
  aliases: string | undefined,
): Pick<KbEntity, 'name' | 'aliases' | 'exactCaseAliases' | 'lookupOnlyAliases'> => {
  const exact: string[] = [];
  const lookupOnly: string[] = [];
  const clean = (raw: string): string => {
    if (raw.startsWith('=')) {
      exact.push(raw.slice(1));
      return raw.slice(1);
    }
    if (raw.startsWith('~')) {
      lookupOnly.push(raw.slice(1));
      return raw.slice(1);
    }
    return raw;
  };
  return {
    name: clean(name ?? ''),
    aliases: list(aliases, ';').map(clean),
    ...opt('exactCaseAliases', exact),
    ...opt('lookupOnlyAliases', lookupOnly),
  };
};

const prefixed = (prefix: string, key: string | undefined): string | undefined =>
  key ? (key.includes(':') ? key : `${prefix}:${key}`) : undefined;

export const parseCompanyLine = (line: string, source: string): KbEntity => {
  const [key, name, aliases, countries, successor, parent] = fields(line, 6, 'company');
  return {
    id: `company:${key}`,
    type: 'ORG',
    kind: 'company',
    ...markedNames(name, aliases),
    source,
    ...opt('countries', list(countries, ',')),
    ...opt('successor', prefixed('company', successor)),
    ...opt('parent', prefixed('company', parent)),
  };
};

export const parseWeaponLine = (line: string, source: string): KbEntity => {
  const [key, name, aliases, category, countries, makers] = fields(line, 6, 'weapon');
  return {
    id: `weapon:${key}`,
    type: 'WEAPON',
    kind: 'weapon',
    ...markedNames(name, aliases),
    source,
    ...opt('category', category),
    ...opt('countries', list(countries, ',')),
    ...opt(
      'makers',
      list(makers, ',').map((m) => `company:${m}`),
    ),
  };
};

export const parsePersonLine = (line: string, source: string): KbEntity => {
  const [key, name, aliases, countries] = fields(line, 4, 'person');
  return {
    id: `person:${key}`,
    type: 'PERSON',
    kind: 'person',
    ...markedNames(name, aliases),
    source,
    ...opt('countries', list(countries, ',')),
  };
};

const asType = (value: string | undefined, line: string): EntityType => {
  const found = ENTITY_TYPES.find((t) => t === value);
  if (!found) throw new Error(`unknown entity type "${value}": ${line}`);
  return found;
};

const idPrefix = (type: EntityType): string => (type === 'ORG' ? 'org' : type.toLowerCase());

export const parseOrganisationLine = (line: string, source: string): KbEntity => {
  const [key, type, kind, name, aliases, countries, parent] = fields(line, 7, 'organisation');
  const t = asType(type, line);
  return {
    id: `${idPrefix(t)}:${key}`,
    type: t,
    kind: (kind ?? 'other') as EntityKind,
    ...markedNames(name, aliases),
    source,
    ...opt('countries', list(countries, ',')),
    ...opt('parent', prefixed('org', parent)),
  };
};

export const parsePlaceLine = (line: string, source: string): KbEntity => {
  const [key, type, kind, name, aliases, country, metonymFor] = fields(line, 7, 'place');
  const t = asType(type, line);
  return {
    id: `${idPrefix(t)}:${key}`,
    type: t,
    kind: (kind ?? 'other') as EntityKind,
    ...markedNames(name, aliases),
    source,
    ...opt('countries', list(country, ',')),
    ...opt('metonymFor', list(metonymFor, ',')),
  };
};

export const parseUnitLine = (line: string, source: string): KbEntity => {
  const [key, name, aliases, countries, parent] = fields(line, 5, 'unit');
  return {
    id: `unit:${key}`,
    type: 'UNIT',
    kind: 'formation',
    ...markedNames(name, aliases),
    source,
    ...opt('countries', list(countries, ',')),
    ...opt('parent', parent),
  };
};

export const parseGroupDemonymLine = (line: string, source: string): KbEntity => {
  const [key, name, aliases, of] = fields(line, 4, 'demonym');
  return {
    id: `norp:${key}`,
    type: 'NORP',
    kind: 'demonym',
    ...markedNames(name, aliases),
    source,
    ...opt('demonymOf', of),
  };
};

export const parseEventLine = (line: string, source: string): KbEntity => {
  const [key, name, aliases, countries, start, end] = fields(line, 6, 'event');
  return {
    id: `event:${key}`,
    type: 'EVENT',
    kind: 'event',
    ...markedNames(name, aliases),
    source,
    ...opt('countries', list(countries, ',')),
    ...opt('startDate', start),
    ...opt('endDate', end),
  };
};

const parseTerm = (text: string, line: string): OfficeTerm => {
  const m = /^([a-z0-9-]+)@(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})?$/.exec(text);
  if (!m?.[1] || !m[2]) throw new Error(`bad office term "${text}": ${line}`);
  return { person: `person:${m[1]}`, start: m[2], ...opt('end', m[3]) };
};

export const parseOfficeLine = (line: string, source: string): KbOffice => {
  const [key, name, titles, of, terms] = fields(line, 5, 'office');
  return {
    id: `office:${key}`,
    name: name ?? '',
    titles: list(titles, ';'),
    of: of ?? '',
    terms: list(terms, ',').map((t) => parseTerm(t, line)),
    source,
  };
};
