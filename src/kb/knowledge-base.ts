import type {
  EntityType,
  KbEntity,
  KbOffice,
  KbStats,
  KnowledgeBase,
  OfficeTerm,
  PhraseMatcher,
} from './kb-types.js';
import { ENTITY_TYPES } from './kb-types.js';
import { normalizeAlias, stripLeadingThe } from './normalize-alias.js';
import { createPhraseMatcher, type PhraseEntry } from './phrase-matcher.js';

/** Bumped whenever shipped data or lookup rules change, so enrichment saved with it can be redone. */
export const KB_VERSION = 'kb-2026.12.07b';

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
};

/** A later record with an existing id (a user's correction) replaces it and keeps the old aliases. */
const mergeById = (entities: readonly KbEntity[]): Map<string, KbEntity> => {
  const byId = new Map<string, KbEntity>();
  for (const e of entities) {
    const before = byId.get(e.id);
    if (!before) {
      byId.set(e.id, e);
      continue;
    }
    const aliases = [...new Set([...e.aliases, ...before.aliases, before.name])].filter(
      (a) => a !== e.name,
    );
    byId.set(e.id, { ...before, ...e, aliases });
  }
  return byId;
};

const dateOnly = (iso: string): string => iso.slice(0, 10);

const inTerm = (term: OfficeTerm, date: string): boolean =>
  term.start <= date && (term.end === undefined || date < term.end);

export interface KnowledgeBaseInput {
  readonly entities: readonly KbEntity[];
  readonly offices: readonly KbOffice[];
  readonly version?: string;
}

export const createKnowledgeBase = (input: KnowledgeBaseInput): KnowledgeBase => {
  const byId = mergeById(input.entities);
  const all = [...byId.values()];
  const byAlias = new Map<string, KbEntity[]>();
  for (const e of all) {
    for (const name of [e.name, ...e.aliases]) {
      const key = normalizeAlias(name);
      if (key) pushTo(byAlias, key, e);
    }
  }
  const officeById = new Map(input.offices.map((o) => [o.id, o]));
  const officesByTitle = new Map<string, KbOffice[]>();
  const officesByPerson = new Map<string, { office: KbOffice; term: OfficeTerm }[]>();
  for (const o of officeById.values()) {
    for (const title of [o.name, ...o.titles]) pushTo(officesByTitle, normalizeAlias(title), o);
    for (const term of o.terms) pushTo(officesByPerson, term.person, { office: o, term });
  }

  /**
   * "Russia's invasion of Ukraine" contains two countries the tagger must still find: event names
   * that embed a place or an actor are left out of text matching (they stay available to lookups).
   */
  const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(['GPE', 'LOC', 'NORP', 'ORG']);
  const embedsActor = (alias: string): boolean =>
    normalizeAlias(alias)
      .split(' ')
      .some((token) => (byAlias.get(token) ?? []).some((e) => ACTOR_TYPES.has(e.type)));

  let gazetteer: Map<string, Set<EntityType>> | undefined;
  let matcher: PhraseMatcher | undefined;

  const lookup = <V>(index: Map<string, V[]>, text: string): V[] => {
    const key = normalizeAlias(text);
    return [...(index.get(key) ?? index.get(stripLeadingThe(key)) ?? [])];
  };

  const stats = (): KbStats => {
    const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<
      EntityType,
      number
    >;
    for (const e of all) byType[e.type] += 1;
    return {
      entities: all.length,
      byType,
      weapons: byType.WEAPON,
      companies: all.filter((e) => e.kind === 'company').length,
      offices: officeById.size,
      aliases: byAlias.size,
      userEntities: all.filter((e) => e.user).length,
    };
  };

  return {
    version: input.version ?? KB_VERSION,
    get: (id) => byId.get(id),
    findByAlias: (text) => lookup(byAlias, text),
    all: () => all,
    office: (id) => officeById.get(id),
    offices: () => [...officeById.values()],
    findOfficesByTitle: (text) => lookup(officesByTitle, text),
    officeHolder: (officeId, isoDate) => {
      const date = dateOnly(isoDate);
      const term = officeById.get(officeId)?.terms.find((t) => inTerm(t, date));
      return term ? byId.get(term.person) : undefined;
    },
    officesOf: (personId) => [...(officesByPerson.get(personId) ?? [])],
    gazetteer: () => {
      if (!gazetteer) {
        gazetteer = new Map();
        // Lookup-only names ("Ajax", "Rafael") would teach the tagger that every Ajax is a weapon.
        for (const e of all) {
          const skip = new Set(e.lookupOnlyAliases ?? []);
          for (const name of [e.name, ...e.aliases]) {
            const key = skip.has(name) ? '' : normalizeAlias(name);
            if (!key) continue;
            let types = gazetteer.get(key);
            if (!types) gazetteer.set(key, (types = new Set()));
            types.add(e.type);
          }
        }
      }
      return gazetteer;
    },
    matcher: () => {
      if (!matcher) {
        const entries: PhraseEntry[] = [];
        for (const e of all) {
          const skip = new Set(e.lookupOnlyAliases ?? []);
          const exact = new Set(e.exactCaseAliases ?? []);
          for (const alias of [e.name, ...e.aliases]) {
            if (skip.has(alias) || (e.type === 'EVENT' && embedsActor(alias))) continue;
            entries.push({ alias, id: e.id, type: e.type, exactCase: exact.has(alias) });
          }
        }
        matcher = createPhraseMatcher(entries);
      }
      return matcher;
    },
    stats,
  };
};
