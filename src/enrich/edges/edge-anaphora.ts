import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { EdgeItem } from './edge-items.js';

/**
 * "Chinese-made Silkworm missiles ... make Iran think twice about using the missiles": a definite
 * class noun ("the missiles", "these jets") after a known system of that class is that system. The
 * class is read from the KB category ("anti-ship missile") or from the words the system was written
 * with ("Silkworm missiles"); only the last such system of the article counts, and only when no other
 * known system of the same class came between, so two candidates leave the noun a class.
 */

const DEFINITE = /\b(?:the|these|those)\s+$/i;
const DEFINITE_MODIFIED =
  /\b(?:the|these|those)\s+(?:(?:new|newly|recently|same|\p{L}+-(?:made|built|designed|produced)|[\p{Ll}]+ly\s+\p{Ll}+ed)\s+){1,2}$/iu;

/** "missiles" -> "missile", "batteries" -> "battery". */
const singular = (word: string): string =>
  word
    .toLowerCase()
    .replace(/ies$/, 'y')
    .replace(/(?<!s)s$/, '');

const headOf = (item: EdgeItem): string => singular(item.text.trim().split(/\s+/).pop() ?? '');

const classWords = (weapon: EdgeItem, kb: KnowledgeBase): Set<string> => {
  const category = weapon.id !== undefined ? (kb.get(weapon.id)?.category ?? '') : '';
  return new Set(
    `${category} ${weapon.text}`
      .split(/[\s/-]+/)
      .filter((w) => /^\p{Ll}{3,}$/u.test(w))
      .map(singular),
  );
};

export class WeaponMemory {
  private readonly seen: EdgeItem[] = [];

  constructor(private readonly kb: KnowledgeBase) {}

  /** The sentence's items with definite class nouns resolved; its known systems remembered after. */
  resolve(text: string, items: readonly EdgeItem[]): EdgeItem[] {
    const out = items.map((item) => {
      if (item.kind !== 'class' || item.name.split(/\s+/).length > 2) return item;
      const lead = text.slice(Math.max(0, item.start - 40), item.start);
      // "the Chinese-made missiles", "the new tanks": modifiers between the article and the noun,
      // an origin among them agreeing with the system's.
      const modified = DEFINITE_MODIFIED.exec(lead);
      if (!DEFINITE.test(lead) && modified === null) return item;
      const origin =
        item.originMention !== undefined ? this.kb.get(item.originMention.id) : undefined;
      const originState = origin?.demonymOf ?? origin?.id;
      const head = headOf(item);
      const candidates = this.seen.filter(
        (w) =>
          classWords(w, this.kb).has(head) &&
          (originState === undefined ||
            (w.id !== undefined &&
              (this.kb.get(w.id)?.countries ?? []).some(
                (c) => `gpe:${c.toLowerCase()}` === originState,
              ))),
      );
      const last = candidates[candidates.length - 1];
      if (last === undefined || candidates.some((w) => w.id !== last.id)) return item;
      return {
        ...item,
        kind: 'weapon' as const,
        ...(last.id !== undefined ? { id: last.id } : {}),
        name: last.name,
      };
    });
    for (const item of items) if (item.kind === 'weapon') this.seen.push(item);
    return out;
  }
}
