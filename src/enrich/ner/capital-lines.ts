import type { EntityType } from '../../kb/kb-types.js';
import { isLegalForm } from './company-names.js';
import { isCaselessLine } from './document-case.js';
import type { TypedSpan } from './merge-kb-spans.js';

/**
 * A headline in capitals ("CANTREX UNIT TO MERGE WITH ONTARIO GROUP") gives the tagger no case to
 * read names from, while the story under it names the same firms and places in running text.
 * A name in a line of capitals takes the type the story's running text gives the same name, and
 * a run of capitals that spells a name of the story is that name even when the tagger missed it
 * ("BAHIA COCOA REVIEW" over a story about Bahia).
 */

/** Words a story capitalises as names that a headline also writes as ordinary words. */
const ORDINARY = new Set(
  `may will can bill mark new says said sees sets up out in on to at for by of and the a an us it
  he she we they his her its gets buys sells cuts rises falls`.split(/\s+/),
);

/** The types a headline's name may take from the story (a demonym vote says nothing of a person). */
const NAMED = new Set<EntityType>(['PERSON', 'ORG', 'GPE', 'LOC', 'FACILITY']);

const upper = (words: readonly string[], start: number, end: number): string =>
  words.slice(start, end).join(' ').toUpperCase();

/** Each name of the story's lines with case, in capitals, with the type most of its mentions got. */
const storyNames = <S extends TypedSpan>(
  sentences: readonly { readonly words: readonly string[] }[],
  spans: readonly (readonly S[])[],
): Map<string, EntityType> => {
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (name: string, type: EntityType, weight: number): void => {
    const v = votes.get(name) ?? new Map<EntityType, number>();
    v.set(type, (v.get(type) ?? 0) + weight);
    votes.set(name, v);
  };
  sentences.forEach(({ words }, k) => {
    if (isCaselessLine(words)) return;
    for (const s of spans[k] ?? []) {
      if (!NAMED.has(s.type) || s.fixed === true) continue;
      vote(upper(words, s.start, s.end), s.type, 2);
      // "YELTSIN" over a story naming "Boris Yeltsin", "FIRESTONE" over "Firestone Corp": a
      // headline names a person by surname and a firm without its legal form.
      const last = words[s.end - 1] as string;
      if (s.end - s.start >= 2 && s.type === 'PERSON' && /^\p{Lu}\p{Ll}/u.test(last)) {
        vote(last.toUpperCase(), 'PERSON', 1);
      }
      if (s.end - s.start >= 2 && s.type === 'ORG' && isLegalForm(last)) {
        vote(upper(words, s.start, s.end - 1), 'ORG', 1);
      }
    }
  });
  const out = new Map<string, EntityType>();
  for (const [name, v] of votes) {
    const best = [...v].sort((a, b) => b[1] - a[1])[0];
    if (best !== undefined) out.set(name, best[0]);
  }
  return out;
};

export const alignCapitalLines = <S extends TypedSpan>(
  sentences: readonly { readonly words: readonly string[] }[],
  spans: readonly S[][],
): S[][] => {
  if (!sentences.some(({ words }) => isCaselessLine(words))) return spans as S[][];
  const names = storyNames(sentences, spans);
  if (names.size === 0) return spans as S[][];
  const byLength = [...names.keys()]
    .map((n) => n.split(' '))
    .filter((n) => n.length > 1 || (n[0] as string).length >= 3)
    .filter((n) => n.length > 1 || !ORDINARY.has((n[0] as string).toLowerCase()))
    .sort((a, b) => b.length - a.length);
  return sentences.map(({ words }, k) => {
    const own = spans[k] ?? [];
    if (!isCaselessLine(words)) return own;
    const out: S[] = own.map((s) => {
      const t = names.get(upper(words, s.start, s.end));
      const keep = s.fixed === true || !NAMED.has(s.type);
      return t !== undefined && t !== s.type && !keep ? { ...s, type: t } : s;
    });
    const taken = new Uint8Array(words.length);
    for (const s of out) taken.fill(1, s.start, s.end);
    const caps = words.map((w) => w.toUpperCase());
    for (const name of byLength) {
      for (let i = 0; i + name.length <= words.length; i++) {
        let match = true;
        for (let j = 0; j < name.length && match; j++) {
          match = caps[i + j] === name[j] && taken[i + j] === 0;
        }
        if (!match) continue;
        const type = names.get(name.join(' ')) as EntityType;
        out.push({
          ...(own[0] ?? {}),
          start: i,
          end: i + name.length,
          type,
          ids: [],
          source: 'model',
        } as unknown as S);
        taken.fill(1, i, i + name.length);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  });
};
