import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { EntityMention } from '../find-entities.js';
import { parseNumber } from '../figures/parse-number.js';
import { NUMBER_SOURCE } from '../figures/parse-number.js';

/**
 * What an edge is about: a weapon system the KB knows ("IRIS-T air defense systems"), a class of
 * materiel named by its noun ("105-mm howitzers", "armored personnel carriers"), or a capability a
 * country relies on ("intelligence sharing", "spare parts").
 */
export interface EdgeItem {
  readonly kind: 'weapon' | 'class' | 'capability';
  readonly id?: string;
  readonly name: string;
  /** The words as written (a known system's span may include its class noun: "Hellfire anti-tank missiles"). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** "28 M-55S tanks", "three more IRIS-T": the count written just before. */
  readonly quantity?: number;
  /** A country the words in front of it name as origin ("North Korean shells", "U.S.-made HIMARS"). */
  readonly originMention?: EntityMention;
}

// Words that may precede the head noun of a class of materiel and belong to its name.
const DESCRIPTOR = String.raw`(?:\d+(?:\.\d+)?[- ]?mm|counter-[a-z]+|long-range|short-range|medium-range|longer-range|self-propelled|anti-[a-z]+|surface-to-air|air-to-air|air-launched|ground-launched|guided|armou?red|light|heavy|main|battle|combat|suicide|attack|loitering|multiple|multiple-launch|launch|precision|high-precision|mobility|protected|transport|military|naval|target|detection|early warning|counter-battery|surveillance|early-warning|coastal|mobile|ballistic|cruise|unmanned|aerial|patrol|infantry|fighting|medical|engineering|support|utility|recovery|command|reconnaissance|modern|modernized|modernised|advanced|tactical|interceptor|strategic|kamikaze|[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*)`;

// Heads that name materiel specifically enough to be a supply edge. Bare "weapons", "arms",
// "ammunition", "equipment" and "aid" are left out on purpose: they say that something was sent,
// not what (the gold marks them optional, and SIPRI/Kiel count systems).
const HEAD = [
  String.raw`air(?: and missile)? defen[cs]e(?: systems?| batter(?:y|ies)| weapons| equipment| launchers?)?|air defen[cs]es`,
  String.raw`anti-(?:tank|aircraft|ship|armou?r) weapons`,
  String.raw`missile defen[cs]e systems?`,
  String.raw`anti-aircraft (?:systems?|batter(?:y|ies)|guns?|missile systems?)`,
  String.raw`(?:rocket|missile|artillery) (?:systems?|launchers?)`,
  String.raw`MLRS|MLR systems|APCs?|IFVs?|UAVs|SAMs`,
  String.raw`armou?red personnel carriers|infantry fighting vehicles|personnel carriers`,
  String.raw`vehicles`,
  String.raw`howitzers?|tanks?|mortars|grenade launchers`,
  String.raw`artillery(?: pieces| guns| shells| rounds)?|shells|rounds|guns`,
  String.raw`drones|unmanned aerial vehicles|loitering munitions`,
  String.raw`fighter jets|fighter aircraft|warplanes|jets|helicopters|aircraft|fighters`,
  String.raw`missiles?|rockets`,
  String.raw`radars?|terminals|batter(?:y|ies)|launchers`,
].join('|');

const CLASS_RE = new RegExp(String.raw`\b((?:${DESCRIPTOR}\s+){0,4})(${HEAD})\b`, 'g');

/** Heads that need a descriptor or a known system in front to mean materiel ("vehicles", "jets"). */
const NEEDS_DESCRIPTOR =
  /^(?:vehicles|jets|aircraft|fighters|guns|rounds|terminals|batter(?:y|ies)|launchers|missile|rockets|tank)$/i;
/** Bare heads that name materiel when listed after another item ("shells, rockets"); not "vehicles". */
const LISTED_BARE = /^(?:rockets|aircraft|fighters|jets|launchers|guns)$/i;
/** Between two items of one list. */
const LIST_JOIN = /^\s*(?:,|and|,\s*and|as well as)\s*$/i;
/** Descriptors that are not part of the name ("modern tanks" are tanks). */
const DROPPED = /^(?:modern|modernized|modernised|advanced|military)$/i;

const CAPABILITY_RE =
  /\b(intelligence(?: sharing| support| data)?|satellite (?:communications?|imagery|internet|services)|Starlink(?: terminals)?|spare parts|software updates|(?:air-to-air |aerial )?refuel(?:l)?ing|electronic warfare(?: capabilities)?|GPS)\b/g;

const QUANTITY_BEFORE = new RegExp(
  String.raw`(?:^|[\s(])(?:(?:at least|more than|over|about|around|nearly|almost|some|up to|another|a further|an additional)\s+)?(${NUMBER_SOURCE})\s+(?:(?:more|additional|new|further|extra|other)\s+)?$`,
  'iu',
);

const ACTOR_TYPES = new Set(['GPE', 'ORG', 'NORP', 'FACILITY']);

const quantityBefore = (text: string, start: number, floor: number): number | undefined => {
  const before = text.slice(Math.max(floor, start - 40), start);
  const m = QUANTITY_BEFORE.exec(before);
  const n = m?.[1] !== undefined ? parseNumber(m[1]) : undefined;
  return n !== undefined && n > 0 && n < 1e7 ? n : undefined;
};

/** "U.S.-made", "North Korean", "German-made", "Iranian-produced": the origin written in front. */
const originBefore = (
  text: string,
  start: number,
  entities: readonly EntityMention[],
  floor: number,
): EntityMention | undefined => {
  const near = entities.filter(
    (e) => ACTOR_TYPES.has(e.type) && e.end <= start && e.start >= Math.max(floor, start - 45),
  );
  const last = near[near.length - 1];
  if (last === undefined) return undefined;
  const gap = text.slice(last.end, start);
  // Only descriptor words between the origin and the item: "U.S.-made", "German-made transport".
  if (
    !/^(?:['’]s|-?(?:made|manufactured|built|produced|designed|supplied|provided|donated)?)(?:\s+\p{Ll}[\p{L}-]*){0,3}\s*$/u.test(
      gap,
    )
  )
    return undefined;
  if (
    /\b(?:over|more|than|about|some|with|and|or|the|a|an|of|few|many|several|another|to|for|from|in|on|at|by|as|is|are|was|were|has|have|had|will)\b/i.test(
      gap,
    )
  )
    return undefined;
  if (/\b(?:to|for|from|in|of|by|with|on|against)\s*$/i.test(gap)) return undefined;
  return last;
};

/** Items of one sentence [from, to), in text order, never overlapping. */
export const findItems = (
  text: string,
  from: number,
  to: number,
  entities: readonly EntityMention[],
  kb: KnowledgeBase,
): EdgeItem[] => {
  const body = text.slice(from, to);
  const items: EdgeItem[] = [];
  const weapons = entities.filter((e) => e.type === 'WEAPON');
  const actors = entities.filter(
    (e) => (ACTOR_TYPES.has(e.type) || e.type === 'PERSON') && !e.id.startsWith('local:'),
  );
  const overlaps = (s: number, e: number): boolean => items.some((i) => s < i.end && e > i.start);
  CLASS_RE.lastIndex = 0;
  const classes: { start: number; end: number; name: string; head: string }[] = [];
  for (let m = CLASS_RE.exec(body); m !== null; m = CLASS_RE.exec(body)) {
    let start = from + m.index;
    const end = start + m[0].length;
    // Capitalised "descriptors" that are really actors ("Ukraine tanks") are not part of the name.
    const words = (m[1] ?? '').split(/\s+/).filter((w) => w !== '');
    let offset = start;
    const kept: string[] = [];
    for (const w of words) {
      const at = text.indexOf(w, offset);
      const isActor = actors.some((a) => at < a.end && at + w.length > a.start);
      if (isActor) {
        kept.length = 0;
        start = at + w.length + 1;
      } else if (
        kept.length === 0 &&
        (at === from ||
          /^(?:The|A|An|Western|New|More|Modern|Advanced|Additional|Other|Its|Their|His|Her|Some|Several|Both|All|Many|These|Those)$/.test(
            w,
          ))
      ) {
        // Determiners and sentence-initial capitals are not part of a model name.
        start = at + w.length + 1;
      } else kept.push(w);
      offset = at + w.length;
    }
    const head = m[2] ?? '';
    const named = kept.filter((w) => !DROPPED.test(w));
    const hyphenOrigin = /-(?:supplied|made|provided|donated|built|manufactured|produced)\s+$/.test(
      text.slice(Math.max(from, start - 16), start),
    );
    if (NEEDS_DESCRIPTOR.test(head) && named.length === 0 && !hyphenOrigin) {
      classes.push({ start: from + m.index + m[0].length - head.length, end, name: '', head });
      continue;
    }
    classes.push({ start, end, name: [...named, head].join(' '), head });
  }
  // "Leopards", "Javelins": plural names the matcher does not know, looked up in the singular.
  const weaponsAndPlurals = [...weapons];
  for (const m of body.matchAll(/\b[A-Z][\p{L}\d-]+s\b/gu)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    if (entities.some((e) => start < e.end && end > e.start)) continue;
    const found = kb.findByAlias(m[0].slice(0, -1)).find((e) => e.type === 'WEAPON');
    if (found !== undefined)
      weaponsAndPlurals.push({
        text: m[0],
        start,
        end,
        type: 'WEAPON',
        id: found.id,
        name: found.name,
        source: 'kb',
        method: 'plural',
      });
  }
  // Known systems first; a class phrase that touches one is its head noun ("IRIS-T air defense systems").
  for (const w of weaponsAndPlurals) {
    if (w.start < from || w.end > to) continue;
    // The tagger sometimes calls a clock time or a number a weapon.
    if (!/\p{L}/u.test(w.text)) continue;
    let end = w.end;
    const touching = classes.find(
      (c) =>
        c.start <= end + 14 &&
        c.start >= w.start &&
        /^["”’'\s-]*(?:class\s+)?[\p{L}\d\s-]*$/u.test(text.slice(end, c.start)),
    );
    if (touching !== undefined) end = Math.max(end, touching.end);
    const entity = kb.get(w.id);
    // "multiple rocket launchers" is an alias of one system in the KB but, written in lower case, a class.
    if (
      !/\p{Lu}|\d/u.test(w.text) ||
      /^(?:MLRS|MLR systems|SAMs?|MANPADS|APCs?|IFVs?|UAVs?|ATGMs?|SPGs?)$/.test(w.text)
    ) {
      classes.push({ start: w.start, end, name: text.slice(w.start, end), head: w.text });
      continue;
    }
    const quantity = quantityBefore(text, w.start, from);
    const origin = originBefore(text, w.start, entities, from);
    items.push({
      kind: 'weapon',
      id: w.id,
      name: entity?.name ?? w.name,
      text: text.slice(w.start, end),
      start: w.start,
      end,
      ...(quantity !== undefined ? { quantity } : {}),
      ...(origin !== undefined ? { originMention: origin } : {}),
    });
  }
  for (const c of classes) {
    if (c.name === '' || overlaps(c.start, c.end)) continue;
    const quantity = quantityBefore(text, c.start, from);
    const origin = originBefore(text, c.start, entities, from);
    items.push({
      kind: 'class',
      name: c.name,
      text: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      ...(quantity !== undefined ? { quantity } : {}),
      ...(origin !== undefined ? { originMention: origin } : {}),
    });
  }
  // "North Korean artillery shells, rockets": a bare head listed right after materiel is materiel too.
  for (const c of classes) {
    if (c.name !== '' || !LISTED_BARE.test(c.head) || overlaps(c.start, c.end)) continue;
    const prev = items.find((i) => i.end <= c.start && LIST_JOIN.test(text.slice(i.end, c.start)));
    if (prev === undefined) continue;
    const quantity = quantityBefore(text, c.start, from);
    items.push({
      kind: 'class',
      name: c.head,
      text: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      ...(quantity !== undefined ? { quantity } : {}),
      ...(prev.originMention !== undefined ? { originMention: prev.originMention } : {}),
    });
  }
  CAPABILITY_RE.lastIndex = 0;
  for (let m = CAPABILITY_RE.exec(body); m !== null; m = CAPABILITY_RE.exec(body)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    const origin = originBefore(text, start, entities, from);
    items.push({
      kind: /terminals$/.test(m[0]) ? 'class' : 'capability',
      name: m[0],
      text: m[0],
      start,
      end,
      ...(origin !== undefined ? { originMention: origin } : {}),
    });
  }
  // "shells for HIMARS launchers": the launchers are what the shells are for, not what is sent.
  const served = (i: EdgeItem): boolean =>
    /\b(?:ammunition|rounds|shells|missiles|rockets|parts|munitions) for\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){0,3}$/iu.test(
      text.slice(Math.max(from, i.start - 50), i.start),
    );
  // "loitering munitions (suicide drones)": a second name in brackets is the same item.
  const sorted = items.filter((i) => !served(i)).sort((a, b) => a.start - b.start);
  return sorted.filter((item, k) => {
    const prev = sorted[k - 1];
    return prev === undefined || !/^\s*\($/.test(text.slice(prev.end, item.start));
  });
};
