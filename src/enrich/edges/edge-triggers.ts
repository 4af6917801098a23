/** The words an edge is read around (supply, purchase, request, use, reliance, arrival, lists) and the cues that read their clauses. */
export type TriggerClass = 'give' | 'get' | 'buy' | 'ask' | 'use' | 'rely' | 'list' | 'arrive';

export interface Trigger {
  readonly cls: TriggerClass;
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

export const TRIGGERS: readonly { cls: TriggerClass; re: RegExp }[] = [
  {
    cls: 'rely',
    re: /\b(?:rel(?:y|ies|ied|ying|iance)|depend(?:s|ed|ing|ence|ency|ent)?|reliant)\s+(?:heavily\s+|entirely\s+|largely\s+|mostly\s+)?(?:up)?on\b/gi,
  },
  {
    // An offer is a give that has not happened: edge-status reads it as hedged talk (`requested`).
    cls: 'give',
    re: /\b(?:suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing|y|ies)?|provid(?:e|es|ed|ing)|provision|sen(?:d|ds|t|ding)|transfer(?:s|red|ring)?|donat(?:e|es|ed|ing|ion|ions)|g(?:ive|ives|ave|iving|iven)|gift(?:s|ed|ing)|hand(?:s|ed|ing)? over|handed|ship(?:ped|ping|ments?)|pledg(?:e|es|ed|ing)|sell(?:s|ing)?|sold|sales?|export(?:s|ed|ing)?|offer(?:s|ed|ing)?)\b/gi,
  },
  {
    cls: 'get',
    re: /\b(?:receiv(?:e|es|ed|ing)|get(?:s|ting)?|got|obtain(?:s|ed|ing)?|(?:take|takes|took|taking|taken) delivery)\b/gi,
  },
  {
    cls: 'buy',
    re: /\b(?:(?:deal|contract|agreement|accord)s?\s+with|bu(?:y|ys|ying)|bought|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing|ement)|(?<!in )order(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|acquisition)\b/gi,
  },
  {
    // "HIMARS, howitzers, tanks coming in": what arrives is named before the verb.
    cls: 'arrive',
    re: /\b(?:coming in|arriv(?:e|es|ed|ing))\b/gi,
  },
  {
    cls: 'list',
    re: /\b(?:includ(?:e|es|ed|ing)|consist(?:s|ing)? of|compris(?:e|es|ing)|contain(?:s|ing)?)\b/gi,
  },
  {
    cls: 'ask',
    re: /\b(?:(?:demand|need|requests?|appeals?|calls?|push) for|needs?|needed|ask(?:s|ed|ing)?|request(?:s|ed|ing)?)\b/gi,
  },
  {
    cls: 'use',
    re: /\b(?:(?:ships?|warships?|vessels?|submarines?|bombers?|carriers?|troops|forces|units?) (?:armed )?with|operat(?:e|es|ed|ing)|us(?:e|es|ed|ing)|field(?:s|ed|ing)|employ(?:s|ed|ing)?|armed with|equipped with|drills with|train(?:s|ed|ing)? (?:on|with)|deploy(?:s|ed|ing)?|station(?:s|ed|ing)|emplac(?:e|es|ed|ing)|(?:test-)?fir(?:e|es|ed|ing))\b/gi,
  },
];

/** "a deal with France for 36 Rafale jets": a buy trigger whose partner sells. */
export const DEAL_WITH = /^(?:deal|contract|agreement|accord)s?\s+with$/i;

/** "the alliance's dependence", "the bloc's reliance": the last alliance or bloc named before. */
export const ANAPHOR = /\b(?:the\s+)?(alliance|bloc|union)(?:['’]s)?\s+(?:[\p{Ll}-]+\s+){0,2}$/iu;
export const ANAPHOR_IDS: Record<string, string> = {
  alliance: 'org:nato',
  bloc: 'org:eu',
  union: 'org:eu',
};

/** Words without which a sentence with no system can neither announce aid nor state a reliance. */
export const GIVE_OR_RELY =
  /\b(?:suppl|deliver|provi|sen[dt]|transfer|donat|g[ai]v|hand|ship|pledg|sell|sold|sale|export|rel[iy]|depend|package|aid|assistance)/i;

/** Verbs of deciding on a transfer: their subject is the supplier of "the transfer of X to Y". */
export const DECISION =
  /\b(?:approv\w*|authori[sz]\w*|allow\w*|permit\w*|announc\w*|complet\w*|speed\w* up|discuss\w*|consider\w*|block\w*|delay\w*|halt\w*|suspend\w*|resum\w*|start\w*|continu\w*|increas\w*|began|begin\w*|launch\w*|may|will|plans?|planning)\b/i;
/** A list trigger names the contents of aid when the words before it are about aid. */
export const AID_WORDS =
  /\b(?:package|aid|assistance|tranche|shipments?|deliver\w*|support|weapons|arms|equipment|military|security)\b/i;

/** A noun use of a supply verb: "the supply of", "arms supplies to", "procurement of". */
export const NOMINAL =
  /^(?:supply|supplies|delivery|deliveries|transfer|transfers|provision|shipments?|donations?|sales?|procurement|purchase|acquisition|order|exports?|offers?)$/i;
export const PASSIVE_LEAD =
  /(?:\b(?:be|been|being|is|are|was|were|get|got)\s+(?:\w+ly\s+)?|,\s*|-)$/i;
export const PREPOSITION_BEFORE =
  /\b(?:to|for|from|of|in|into|with|by|at|on|against|than|between|about|over|near)\s+(?:the\s+)?$/i;
export const CAPABILITY_CUE =
  /\b(?:halt(?:s|ed|ing)?|suspen\w+|withh(?:old|olds|eld|olding)|cut(?:s|ting)? off|den(?:y|ied|ies)|withdr\w+|access|shar(?:e|es|ed|ing)|support|reliance|dependen\w+|rel(?:y|ies|ied))\b/i;

export const isNominal = (text: string, t: Trigger, floor: number): boolean => {
  if (!NOMINAL.test(t.word)) return false;
  const before = text.slice(Math.max(floor, t.start - 12), t.start);
  const after = text.slice(t.end, t.end + 12);
  return (
    /^\s+of\b/i.test(after) ||
    /\b(?:the|a|an|its|their|his|her|arms|weapons?|drones?|missiles?|’s|'s)\s+$/i.test(before) ||
    /s\s+$/i.test(before)
  );
};
