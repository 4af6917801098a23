import type { EdgeParty } from '../../core/supply-edge.js';
import type { EdgeActor } from './edge-actors.js';

/**
 * What an article has said so far about who relies on whom, so that later sentences which name
 * neither side ("this strategy depends on U.S. support in ...", "It can withhold software updates")
 * can be read against it. Only reliances with a named provider are remembered.
 */
export interface Reliance {
  readonly recipient: EdgeActor;
  readonly supplier: EdgeParty;
}

/** "this strategy depends on", "the plan relies on", "it depends on": a subject standing for the reliant party. */
export const RELIANT_ANAPHOR =
  /(?:^|[\s,])(?:(?:this|that|the|such an?|their|its)\s+(?:[\p{Ll}-]+\s+)?(?:strategy|plan|approach|effort|initiative|posture|policy|concept|arrangement|deterrent|defen[cs]e)|it|this)\s+(?:\p{Ll}+ly\s+)?$/iu;

/** A provider cutting off a capability: "can withhold software updates", "could cut off intelligence". */
export const WITHHOLD =
  /\b(?:withh(?:old|olds|eld|olding)|cut(?:s|ting)? off|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|disabl(?:e|es|ed|ing)|stop(?:s|ped|ping)? (?:providing|supplying|sharing))\b/i;

/** A pronoun subject right before the withholding verb ("It can withhold"). */
export const PRONOUN_SUBJECT = /(?:^|[\s“"‘,])(?:it|they|he|she|this)\s+(?:\p{Ll}+\s+){0,2}$/iu;

/** The last reliance whose provider is `supplierId` (any provider when undefined). */
export const lastReliance = (
  reliances: readonly Reliance[],
  supplierId?: string,
): Reliance | undefined =>
  [...reliances].reverse().find((r) => supplierId === undefined || r.supplier.id === supplierId);

/**
 * A party named sentences before, anchored at `at` so the edge's evidence span stays in the sentence
 * that states the reliance (the party keeps the offsets where it was named).
 */
export const anchored = (actor: EdgeActor, at: number): EdgeActor => ({
  ...actor,
  mention: { ...actor.mention, start: at, end: at },
});
