import type { EdgeParty } from '../../core/supply-edge.js';
import type { KbEntity, KnowledgeBase } from '../../kb/kb-types.js';
import type { EntityMention } from '../find-entities.js';

/**
 * An actor mention as a party of an edge: the state it stands for when it is a capital ("Kyiv",
 * "Prague"), a demonym ("Ukrainian"), a ministry or armed force of one state ("the Pentagon"), or a
 * person holding a state office ("Scholz"); a company or alliance as itself.
 */
export interface EdgeActor {
  readonly party: EdgeParty;
  readonly mention: EntityMention;
  /** How the mention became this party ("metonym:gpe:kyiv", "demonym", "office:...") */
  readonly via?: string;
}

const STATE_BODIES = new Set(['ministry', 'armed-force', 'government-body', 'agency', 'seat']);
/** Names that say "someone" but not who: an edge keeps no supplier for them. */
const VAGUE =
  /^(?:west|the west|western|partners|allies|nato allies|international partners|western partners|europe's)$/i;

const countryOf = (kb: KnowledgeBase, entity: KbEntity): KbEntity | undefined => {
  if (entity.kind === 'country' || entity.kind === 'territory') return entity;
  const metonym = entity.metonymFor?.map((id) => kb.get(id)).find((e) => e?.kind === 'country');
  if (metonym) return metonym;
  if (entity.demonymOf !== undefined) {
    const of = kb.get(entity.demonymOf);
    if (of !== undefined) return of.kind === 'country' ? of : undefined;
  }
  if (STATE_BODIES.has(entity.kind) && entity.countries?.length === 1) {
    const state = kb.get(`gpe:${(entity.countries[0] as string).toLowerCase()}`);
    if (state?.kind === 'country') return state;
  }
  return undefined;
};

/** Headline words the tagger may take into a name ("New U.S. defense aid package"). */
const HEADLINE_LEAD = /^(?:New|Latest|Fresh|Further|Additional|Another|More|Next|Now|Also|Then)\s+/;

/** "New U.S.": an unlinked name that is a headline word before a known state or body. */
const headlineTrimmed = (mention: EntityMention, kb: KnowledgeBase): KbEntity | undefined => {
  if (!mention.id.startsWith('local:') || !HEADLINE_LEAD.test(mention.text)) return undefined;
  const rest = kb.findByAlias(mention.text.replace(HEADLINE_LEAD, ''));
  return rest.length === 1 && rest[0]?.type === mention.type ? rest[0] : undefined;
};

/** "UK Government", "Polish government": an unlinked name that is a state's government. */
const GOVERNMENT_TAIL = /\s+(?:government|administration|cabinet|armed forces|military)$/i;
const governmentOf = (mention: EntityMention, kb: KnowledgeBase): KbEntity | undefined => {
  if (!mention.id.startsWith('local:') || !GOVERNMENT_TAIL.test(mention.text)) return undefined;
  const state = kb
    .findByAlias(mention.text.replace(GOVERNMENT_TAIL, ''))
    .map((e) => countryOf(kb, e))
    .find((e) => e !== undefined);
  return state;
};

/** States of the Cold War era that wire archives name and today's KB does not. */
const FORMER_STATE =
  /^(?:West Germany|East Germany|Soviet Union|USSR|Yugoslavia|Czechoslovakia|North Yemen|South Yemen|South Vietnam|Rhodesia|Zaire)$/;
export const FORMER_STATE_VIA = 'former state';

export const resolveActor = (
  mention: EntityMention,
  kb: KnowledgeBase,
  published: string | undefined,
): EdgeActor | undefined => {
  if (!['GPE', 'ORG', 'NORP', 'FACILITY', 'PERSON', 'LOC'].includes(mention.type)) return undefined;
  if (mention.type === 'LOC' && mention.id !== 'loc:europe') return undefined;
  if (VAGUE.test(mention.text)) return undefined;
  const at = { start: mention.start, end: mention.end };
  const entity = kb.get(mention.id) ?? headlineTrimmed(mention, kb) ?? governmentOf(mention, kb);
  if (mention.type === 'PERSON') {
    // A head of state or government, defence or foreign minister speaks for the state.
    const offices = kb.officesOf(mention.id);
    const current =
      offices.find(
        ({ term }) =>
          published !== undefined &&
          term.start <= published &&
          (term.end === undefined || published < term.end),
      ) ?? (offices.length === 1 ? offices[0] : undefined);
    const state = current ? kb.get(current.office.of) : undefined;
    if (state === undefined || state.kind !== 'country') return undefined;
    return {
      party: { id: state.id, name: state.name, ...at },
      mention,
      via: `office:${current?.office.id ?? ''}`,
    };
  }
  // Unlinked names are left out: in these texts they are mostly acronyms of materiel ("IFVs") or
  // fragments, and an edge's sides must be parties an analyst can look up. A state that no longer
  // exists ("West Germany" in a 1987 wire story) is a party by its name: the KB has no entry for it.
  if (entity === undefined)
    return mention.type === 'GPE' && FORMER_STATE.test(mention.text)
      ? { party: { name: mention.text, ...at }, mention, via: FORMER_STATE_VIA }
      : undefined;
  const state = countryOf(kb, entity);
  if (state !== undefined) {
    return {
      party: { id: state.id, name: state.name, ...at },
      mention,
      ...(state.id !== entity.id ? { via: `${entity.kind}:${entity.id}` } : {}),
    };
  }
  // "the Ramstein coalition", "at Incirlik": a base or site is no party unless it stands for a state.
  if (mention.type === 'FACILITY') return undefined;
  if (mention.type === 'NORP') {
    // "European demand": a demonym of a bloc stands for the bloc.
    const of = entity.demonymOf !== undefined ? kb.get(entity.demonymOf) : undefined;
    return of !== undefined && of.type === 'ORG'
      ? { party: { id: of.id, name: of.name, ...at }, mention, via: `demonym:${entity.id}` }
      : undefined;
  }
  if (entity.kind === 'city' || entity.kind === 'region') {
    // "Europe" is an actor in these texts (European buyers); other places are not.
    if (entity.id !== 'loc:europe') return undefined;
  }
  return { party: { id: entity.id, name: entity.name, ...at }, mention };
};

/** The single origin state of a system in the KB, for edges whose text does not name the supplier. */
export const originState = (
  kb: KnowledgeBase,
  systemId: string | undefined,
): KbEntity | undefined => {
  if (systemId === undefined) return undefined;
  const countries = kb.get(systemId)?.countries ?? [];
  if (countries.length !== 1) return undefined;
  const state = kb.get(`gpe:${(countries[0] as string).toLowerCase()}`);
  return state?.kind === 'country' ? state : undefined;
};
