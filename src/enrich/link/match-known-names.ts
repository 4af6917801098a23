import type { EntityType, KnowledgeBase } from '../../kb/kb-types.js';
import { findUnitMentions } from '../../kb/unit-pattern.js';
import type { Mention } from './mention.js';
import { officeTitleMatcher } from './office-titles.js';

/**
 * Mentions of everything the KB knows by name (weapons, units, companies, people, places), plus
 * numbered formations by pattern and bare office titles ("the NATO Secretary General said").
 * Longest match wins and mentions never overlap.
 */

/** When an alias fits several types, the order decides the mention's type. */
const TYPE_PREFERENCE: readonly EntityType[] = [
  'PERSON',
  'WEAPON',
  'UNIT',
  'ORG',
  'GPE',
  'FACILITY',
  'LOC',
  'NORP',
  'EVENT',
];

const pickType = (types: readonly EntityType[]): EntityType =>
  TYPE_PREFERENCE.find((t) => types.includes(t)) ?? types[0] ?? 'ORG';

/** A title followed by a capitalised word is introducing a name ("NATO Secretary General Jens Stoltenberg"). */
const NAME_FOLLOWS_RE = /^\s+(?:\p{Lu}\p{L}*\.?\s+)*\p{Lu}\p{Ll}/u;

/** "a future U.S. president", "former NATO chief": the title names no particular holder. */
const NOT_A_HOLDER_RE =
  /\b(?:a|an|any|every|future|former|next|previous|past|ex|late|successive|each)[\s-]+$/i;

export const matchKnownNames = (text: string, kb: KnowledgeBase): Mention[] => {
  const spans: Mention[] = kb
    .matcher()
    .matchText(text)
    .map((m) => ({
      text: m.text,
      start: m.start,
      end: m.end,
      type: pickType(m.types),
      ids: m.ids,
      source: 'kb' as const,
    }));
  const overlaps = (
    a: { start: number; end: number },
    b: { start: number; end: number },
  ): boolean => a.start < b.end && b.start < a.end;

  const extra: Mention[] = [];
  for (const u of findUnitMentions(text)) {
    // A pattern span that is longer than the KB span inside it wins ("US 5th Army Corps" over "US").
    const inside = spans.filter((s) => overlaps(s, u));
    if (inside.every((s) => s.start >= u.start && s.end <= u.end && s.type !== 'UNIT')) {
      for (const s of inside) spans.splice(spans.indexOf(s), 1);
      extra.push({
        text: u.text,
        start: u.start,
        end: u.end,
        type: 'UNIT',
        source: 'unit-pattern',
      });
    }
  }
  for (const t of officeTitleMatcher(kb).matchText(text)) {
    const after = text.slice(t.end, t.end + 60);
    // "Secretary of State for Defence" is a different (British) office than the bare title.
    if (NAME_FOLLOWS_RE.test(after) || /^\s+for\b/.test(after)) continue;
    if (NOT_A_HOLDER_RE.test(text.slice(Math.max(0, t.start - 20), t.start))) continue;
    const inside = spans.filter((s) => overlaps(s, t));
    if (!inside.every((s) => s.start >= t.start && s.end <= t.end && s.type !== 'PERSON')) continue;
    for (const s of inside) spans.splice(spans.indexOf(s), 1);
    extra.push({
      text: t.text,
      start: t.start,
      end: t.end,
      type: 'PERSON',
      ids: t.ids,
      source: 'office-title',
    });
  }
  return [...spans, ...extra].sort((a, b) => a.start - b.start);
};
