import type { LedgerEntity } from './ledger-input.js';

/**
 * Which named thing a figure is a quantity of. "the expansion of the group to 20 countries" refers
 * back to the last group named ("Ukraine Defense Contact Group"); otherwise an organisation or
 * event named in the sentence, then earlier in the paragraph, then a country named in the sentence.
 */
export interface AnchorContext {
  readonly text: string;
  readonly entities: readonly LedgerEntity[];
  readonly figureStart: number;
  readonly sentence: { readonly start: number; readonly end: number };
  readonly paragraphStart: number;
}

export interface Anchor {
  readonly id: string;
  readonly name: string;
  readonly reason: string;
  /** A country found as the place the count is in, not an owner: it joins the measure's places. */
  readonly place?: true;
}

const ANAPHOR_RE =
  /\bthe\s+(contact group|group|alliance|coalition|bloc|union|organi[sz]ation|consortium|company|fund|package|programme|program|mission)\b/gi;

/** Nouns that name what an anaphor can point back to, beyond its own word in the entity's name. */
const ANAPHOR_IDS: Readonly<Record<string, readonly string[]>> = {
  alliance: ['org:nato'],
  bloc: ['org:eu', 'org:nato'],
  union: ['org:eu'],
};

const GROUP_TYPES = new Set(['ORG', 'EVENT', 'UNIT']);

// A name with digits is a figure the tagger took for a name ("150-billion-euro"), not an owner.
const entitiesIn = (entities: readonly LedgerEntity[], start: number, end: number) =>
  entities.filter((e) => e.start >= start && e.end <= end && !/\d/.test(e.name));

/**
 * Where a sentence's own statement ends: an attribution tail ("... — Ukrinform.", "... - RMA.")
 * names who reported, not what was counted.
 */
export const statementEnd = (text: string, sentence: { start: number; end: number }): number => {
  const body = text.slice(sentence.start, sentence.end);
  const tail = /\s[—–-]{1,2}\s*[^—–-]{1,60}$/.exec(body);
  return tail ? sentence.start + tail.index : sentence.end;
};

/** "Russia's shelling", "by Russia", "aggression of the Russian Federation": who acted, not where. */
const ACTOR_AFTER_RE =
  /^\s*['’]s\s+(?:(?:massive|missile|rocket|artillery|armed|military)\s+)?(?:shelling|attacks?|strikes?|shells|troops|(?:(?:defen[cs]e|armed|air)\s+)?forces|army|military|aggression|missiles?|drones?|bombardment|defenders)\b/i;
const ACTOR_BEFORE_RE = /\b(?:by|aggression of|attacks? of|troops of|forces of)\s+(?:the\s+)?$/i;

const isActor = (text: string, entity: { start: number; end: number }): boolean =>
  ACTOR_AFTER_RE.test(text.slice(entity.end, entity.end + 40)) ||
  ACTOR_BEFORE_RE.test(text.slice(Math.max(0, entity.start - 20), entity.start));

/** Places named in the statement (not its attribution tail), as sorted ids: part of a measure. */
export const placesOf = (context: AnchorContext, except?: string): string[] => {
  const end = statementEnd(context.text, context.sentence);
  return [
    ...new Set(
      entitiesIn(context.entities, context.sentence.start, end)
        .filter((e) => e.type === 'GPE' || e.type === 'LOC')
        .filter((e) => !isActor(context.text, e))
        .map((e) => e.id)
        .filter((id) => id !== except),
    ),
  ].sort();
};

export const findAnchor = (context: AnchorContext): Anchor | undefined => {
  const { text, entities, figureStart, paragraphStart } = context;
  const sentence = { start: context.sentence.start, end: statementEnd(text, context.sentence) };
  const before = text.slice(sentence.start, figureStart);
  const anaphor = [...before.matchAll(ANAPHOR_RE)].at(-1)?.[1]?.toLowerCase();
  if (anaphor) {
    const noun = anaphor.replace('organization', 'organisation');
    const ids = ANAPHOR_IDS[noun] ?? [];
    const referent = entities
      .filter((e) => e.end <= sentence.start + before.length)
      .filter((e) => e.name.toLowerCase().includes(noun) || ids.includes(e.id))
      .at(-1);
    if (referent)
      return {
        id: referent.id,
        name: referent.name,
        reason: `"the ${anaphor}" refers back to ${referent.name}`,
      };
  }
  const inSentence = entitiesIn(entities, sentence.start, sentence.end);
  const groups = inSentence.filter((e) => GROUP_TYPES.has(e.type));
  const nearest = groups.filter((e) => e.end <= figureStart).at(-1) ?? groups[0];
  if (nearest)
    return { id: nearest.id, name: nearest.name, reason: `${nearest.name} named in the sentence` };
  const earlier = entitiesIn(entities, paragraphStart, sentence.start).filter((e) =>
    GROUP_TYPES.has(e.type),
  );
  const topic = earlier.at(-1);
  if (topic)
    return {
      id: topic.id,
      name: topic.name,
      reason: `${topic.name} named earlier in the paragraph`,
    };
  const country = inSentence
    .filter((e) => e.type === 'GPE' && !isActor(text, e))
    .filter((e) => e.end <= figureStart)
    .at(-1);
  if (country)
    return {
      id: country.id,
      name: country.name,
      reason: `${country.name} named before the figure`,
      place: true,
    };
  return undefined;
};
