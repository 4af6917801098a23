import type { EdgeStatus } from '../../core/supply-edge.js';

/**
 * The stage a supply statement reports, read from the words between its subject and its verb
 * ("will", "calls on ... to", "is considering") and from the verb's own form ("supplied", "to send").
 * Kiel's distinction: talk and requests are `requested`, announcements `committed`, handovers
 * `delivered`; purchases and contracts `ordered`. Hedged talk is kept, marked, as `requested`.
 */

// Halting, stopping or suspending a transfer presupposes it was made ("Dassault has suspended
// deliveries of its Mirage jets to Egypt", "demands Iran stop supplying Russia with drones"): the edge
// stands, not negated.
const NEGATION =
  /\b(?:not|cannot|n't|never|no longer|declined? to|declines to|refused? to|refuses to|reject(?:s|ed)?|ruled out|rules out|denie[sd]|deny|no plans? to|won't|against (?:sending|supplying|providing)|without)\b/i;
const REQUEST =
  /\b(?:ask(?:s|ed|ing)?|call(?:s|ed|ing)? (?:on|for|upon)|urg(?:e|es|ed|ing)|request(?:s|ed|ing)?|appeal(?:s|ed|ing)?|should|must|ought to|need(?:s|ed)?|want(?:s|ed)?|advocat(?:e|es|ed|ing)|demand(?:s|ed|ing)?|push(?:es|ed|ing)? for|lobb(?:y|ies|ied|ying)|best response|counts? on|convince|persuad(?:e|ing)|speed up|propos(?:e|es|ed|ing|al))\b/i;
const HEDGE =
  /\b(?:consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|may|might|could|can(?!not)|able to|would(?! not| never)|discuss(?:es|ed|ing)?|talks?|negotiat(?:e|es|ed|ing|ions?)|possib(?:le|ly|ility)|weigh(?:s|ed|ing)?|explor(?:e|es|ed|ing)|ready to|willing(?:ness)? to|contemplat(?:e|es|ed|ing)|interested in|if|seek(?:s|ing)? to|sought to|offer(?:s|ed|ing)? to|bid(?:s|ding)? to|tr(?:y|ies|ied|ying) to|hop(?:e|es|ed|ing) to|compet(?:e|es|ed|ing) to)\b/i;
const COMMITTED =
  /\b(?:will|would|'ll|shall|agree[sd]?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|approv(?:e|es|ed|ing)|decid(?:e|es|ed)|commit(?:s|ted)?|plans?|planned|preparing|set to|expected to|going to|continue)\b/i;
const PAST_FORM =
  /^(?:supplied|delivered|provided|sent|transferred|donated|gave|given|handed|shipped|sold|exported|received|got|obtained|bought|purchased|procured|ordered|acquired)\b/i;

/**
 * The words of the verb's own clause at the end of `lead`: a negation before "who said", "according
 * to", "but" or "while" belongs to another verb ("Iran was not deterred, ... officials, who said
 * Iranian forces used Silkworm missiles"; "will not send tanks but will send howitzers").
 */
export const OTHER_CLAUSE =
  /.*(?:\b(?:said|says|say|told|tells|according to|who|which|but|while|whereas|although|though)\b|[;:])/is;
export const verbGroup = (lead: string): string => lead.replace(OTHER_CLAUSE, '').slice(-32);

/** The negation binding to the verb at the end of `lead`, if any. */
export const negationOf = (lead: string): RegExpExecArray | null => NEGATION.exec(verbGroup(lead));

export interface Modality {
  readonly status: EdgeStatus;
  readonly negated: boolean;
  readonly hedged: boolean;
  readonly cue?: string;
  /** The words that negate it ("declined to", "not"). */
  readonly negation?: string;
}

/**
 * `lead`: the words from the subject (or clause start) to the verb; `verb`: the trigger as written;
 * `base`: the status the verb reports when nothing else is said (`delivered` for "send",
 * `ordered` for "buy").
 */
const modalityOf = (lead: string, verb: string, base: EdgeStatus): Modality => {
  // Negation binds to the verb group: "declined to send", "will not supply", not "not to delay the decision on X's transfer".
  const negation = negationOf(lead);
  const negated = negation !== null;
  const request = REQUEST.exec(lead);
  if (request !== null)
    return { status: 'requested', negated, hedged: false, cue: request[0].toLowerCase() };
  // "Vickers offered the Upholder to Saudi Arabia", "Britain was expected to offer": a proposal, not a
  // commitment (SIPRI counts no transfer until an order).
  if (/^offer/i.test(verb)) return { status: 'requested', negated, hedged: true, cue: 'offer' };
  const hedge = HEDGE.exec(lead);
  if (hedge !== null)
    return { status: 'requested', negated, hedged: true, cue: hedge[0].toLowerCase() };
  if (base === 'ordered') return { status: 'ordered', negated, hedged: false };
  if (/^pledg/i.test(verb)) return { status: 'committed', negated, hedged: false, cue: 'pledge' };
  const committed = COMMITTED.exec(lead) ?? /\bto\s+$/i.exec(lead);
  if (committed !== null && !(PAST_FORM.test(verb) && /\b(?:has|have|had)\b/i.test(lead)))
    return { status: 'committed', negated, hedged: false, cue: committed[0].toLowerCase() };
  return { status: base, negated, hedged: false };
};

export const readModality = (lead: string, verb: string, base: EdgeStatus): Modality => {
  const modality = modalityOf(lead, verb, base);
  const negation = negationOf(lead);
  return negation !== null ? { ...modality, negation: negation[0].toLowerCase() } : modality;
};
