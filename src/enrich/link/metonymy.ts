import type { KbEntity } from '../../kb/kb-types.js';

/**
 * Capitals and seats of power often stand for an actor: "Washington will also send 5,000 troops"
 * is the United States, "the Pentagon said" is the US Department of Defense, while "a conference in
 * Paris" is the city. The cues below are deliberately few and visible; see link-mentions.test.ts.
 */

/** Words right after a place that make it the subject of an action or statement. */
const ACTOR_FOLLOWERS = new Set([
  'will',
  'would',
  'has',
  'have',
  'had',
  'is',
  'was',
  'says',
  'said',
  'announced',
  'wants',
  'warned',
  'may',
  'might',
  'could',
  'should',
  'can',
  'must',
  'accused',
  'agreed',
  'approved',
  'rejected',
  'denied',
  'claimed',
  'insists',
  'insisted',
  'plans',
  'planned',
  'hopes',
  'fears',
  'responded',
  'threatened',
  'sent',
  'sends',
  'supplied',
  'supplies',
  'signed',
  'sees',
  'saw',
  'believes',
  'expects',
  'declined',
  'refused',
  'confirmed',
  'condemned',
  'imposed',
  'launched',
  'ordered',
  'urged',
  'pledged',
  'promised',
  'does',
  'did',
  'remains',
  'continues',
  'seeks',
  'sought',
  'asserting',
  'approves',
  'backs',
  'backed',
  'intends',
  'needs',
  'appears',
]);

/** Words right before a place that make it a counterpart or source ("tensions with Washington"). */
const ACTOR_PRECEDERS = [
  /\b(?:tensions?|relations?|talks|ties|deal|dialogue|negotiations?|contacts?|rift|dispute|split|alignment|re-aligning|realigning|aligning) with\s+$/i,
  /\b(?:pressure|backing|support|aggression|demands?|threats?|signals?|approval|permission|message|criticism) from\s+$/i,
  /\b(?:amenable|closer|hostile|loyal|opposed|close) to\s+$/i,
  /\b(?:help|helping|helped|support|supporting|supported|assist|assisting|arm|arming|back|backing|aid|aiding|urge|urged|urging|pressure|pressuring|persuade|told|tell|warn|warned|join|joined|accuse|accused|against|sanction|sanctioning|punish|deter|deterring|reassure|reassuring) $/i,
];

/** Words before a place that make it a location ("in Paris", "visit to Kyiv"). */
const LOCATIVE_BEFORE =
  /\b(?:in|at|near|outside|around|inside|into|across|over|visit(?:ed|ing)? to|visit(?:ed|ing)?|arrived in|flew to|travel(?:l)?ed to|based in|held in|summit in)\s+(?:the\s+)?$/i;

export type MetonymDecision = 'actor' | 'place';

export const metonymicUse = (
  text: string,
  start: number,
  end: number,
  entity: KbEntity,
): MetonymDecision => {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 30);
  if (LOCATIVE_BEFORE.test(before)) return 'place';
  if (
    /^['’]s\s+(?!capital|streets|centre|center|mayor|airport|outskirts|suburbs|residents)/i.test(
      after,
    )
  ) {
    return 'actor';
  }
  const next = /^\s*(?:,\s*)?([a-z]+)/.exec(after)?.[1];
  if (next && ACTOR_FOLLOWERS.has(next)) return 'actor';
  if (ACTOR_PRECEDERS.some((re) => re.test(before))) return 'actor';
  // Buildings ("the Kremlin", "the Pentagon", "Downing Street") are named for the people inside.
  return entity.type === 'FACILITY' ? 'actor' : 'place';
};

/** Context words that point a shared seat ("Brussels") to one of its actors. */
const CONTEXT_CUES: Readonly<Record<string, readonly string[]>> = {
  'org:nato': [
    'nato',
    'alliance',
    'allied',
    'allies',
    'stoltenberg',
    'rutte',
    'secretary general',
    'secretary-general',
    'north atlantic',
    'shape',
  ],
  'org:eu': [
    'eu',
    'european union',
    'european commission',
    'commission',
    'bloc',
    'member states',
    'von der leyen',
    'kallas',
    'borrell',
    'kubilius',
    'european council',
    'eurozone',
    'brexit',
  ],
  'gpe:be': ['belgian', 'belgium', 'de wever', 'de croo'],
};

export interface MetonymChoice {
  readonly id: string;
  readonly note: string;
}

/** Picks among `entity.metonymFor` by cue words within `window`; the first listed wins ties. */
export const chooseMetonymTarget = (
  entity: KbEntity,
  window: string,
): MetonymChoice | undefined => {
  const candidates = entity.metonymFor ?? [];
  if (candidates.length <= 1)
    return candidates[0] ? { id: candidates[0], note: 'seat' } : undefined;
  const lower = window.toLowerCase();
  let best: { id: string; score: number; hits: string[] } | undefined;
  for (const id of candidates) {
    const hits = (CONTEXT_CUES[id] ?? []).filter((cue) => new RegExp(`\\b${cue}\\b`).test(lower));
    if (!best || hits.length > best.score) best = { id, score: hits.length, hits };
  }
  if (!best) return undefined;
  return { id: best.id, note: best.hits.length ? `context: ${best.hits.join(', ')}` : 'default' };
};
