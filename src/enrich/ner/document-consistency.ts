import type { EntityType } from '../../kb/kb-types.js';
import type { TypedSpan } from './merge-kb-spans.js';
import { isClubPrefix } from './club-names.js';
import { alignCapitalLines } from './capital-lines.js';

const ORDINAL = /^\d+(st|nd|rd|th|d)$/;
/** Lower-case words inside a person's name ("Ludwig van Beethoven", "Osama bin Laden"). */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'del', 'della', 'bin', 'ibn', 'abu']);
/** Legal-form words that end a company's full name ("Chrysler Corp", "Banco Popular SA"). */
const COMPANY_SUFFIX = new Set(
  'inc inc. corp corp. co co. cos ltd ltd. plc llc ag sa nv bv gmbh spa ab oy asa'.split(' '),
);

/**
 * One name, one type per document: news repeats names, and the tagger is surer in some
 * sentences than others. Each distinct name takes the type most of its mentions got, and later
 * unmarked occurrences of a name tagged elsewhere are marked too (whole-word, capitalised).
 */
export const harmoniseDocument = <S extends TypedSpan>(
  sentences: readonly { readonly words: readonly string[]; readonly spans: readonly S[] }[],
): S[][] => {
  const votes = new Map<string, Map<EntityType, number>>();
  const key = (words: readonly string[], s: { start: number; end: number }): string =>
    words.slice(s.start, s.end).join(' ');
  for (const { words, spans } of sentences) {
    for (const s of spans) {
      if (s.fixed === true) continue;
      const k = key(words, s);
      const v = votes.get(k) ?? new Map<EntityType, number>();
      v.set(s.type, (v.get(s.type) ?? 0) + (s.typedByCue === true ? 3 : s.ids.length > 0 ? 2 : 1));
      votes.set(k, v);
    }
  }
  const winner = new Map<string, EntityType>();
  for (const [k, v] of votes) {
    let best: EntityType | undefined;
    let bestCount = 0;
    for (const [t, c] of v) {
      if (c > bestCount) {
        best = t;
        bestCount = c;
      }
    }
    if (best !== undefined) winner.set(k, best);
  }
  // "Ferguson" after "Alex Ferguson": news and encyclopaedias name a person in full once, then by
  // surname, and the lone surname is what the tagger is least sure of.
  for (const [k, t] of [...winner]) {
    if (t !== 'PERSON') continue;
    const parts = k.split(' ');
    const last = parts[parts.length - 1] as string;
    // A span with a lower-case word inside ("John Arne Riise volleyed Liverpool") is a broken
    // one, and its last word no surname.
    const broken = parts.some((p) => /^\p{Ll}{3,}$/u.test(p) && !NAME_PARTICLES.has(p));
    if (parts.length >= 2 && !broken && /^\p{Lu}\p{Ll}/u.test(last)) winner.set(last, 'PERSON');
  }
  // "Dana" after "Dana Corp": a company goes by its name without the legal suffix, whatever the
  // tagger made of the short form (a surname, a place).
  for (const [k, t] of [...winner]) {
    if (t !== 'ORG') continue;
    const parts = k.split(' ');
    if (parts.length < 2 || !COMPANY_SUFFIX.has((parts[parts.length - 1] as string).toLowerCase()))
      continue;
    const short = parts.slice(0, -1);
    if (short[short.length - 1] === "'s" || !/^\p{Lu}/u.test(short[0] as string)) continue;
    winner.set(short.join(' '), 'ORG');
    // "Nelson" after "Nelson Entertainment Inc", when the tagger read the lone word as a person
    // or a place (a demonym, "American" of "American Motors Corp", keeps its own type).
    const first = short[0] as string;
    const alone = winner.get(first);
    if (short.length >= 2 && (alone === 'PERSON' || alone === 'GPE')) winner.set(first, 'ORG');
    // "Cantrex" after "Groupe Cantrex Inc", "Disney" after "Walt Disney Co": a later word of the
    // firm's name read alone as a person is the firm ("Tokyo" of "Bank of Tokyo Ltd" stays a place).
    for (let j = 1; j < short.length; j++) {
      const word = short[j] as string;
      if (winner.get(word) === 'PERSON' && /^\p{Lu}\p{Ll}/u.test(word)) winner.set(word, 'ORG');
    }
  }
  // "Real" after "Real Madrid": a club goes by its club word alone.
  for (const [k, t] of [...winner]) {
    const parts = k.split(' ');
    if (t === 'ORG' && parts.length === 2 && isClubPrefix(parts[0] as string)) {
      const first = parts[0] as string;
      if (/^\p{Lu}\p{Ll}/u.test(first) && winner.get(first) !== 'ORG') winner.set(first, 'ORG');
    }
  }
  // "National Football League (NFL)": the acronym names what it follows.
  for (const { words, spans } of sentences) {
    for (const s of spans) {
      const acronym = words[s.end + 1];
      if (words[s.end] !== '(' || words[s.end + 2] !== ')' || acronym === undefined) continue;
      if (!/^\p{Lu}{2,}$/u.test(acronym)) continue;
      const initials = words
        .slice(s.start, s.end)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w.charAt(0))
        .join('');
      const type = winner.get(key(words, s));
      if (initials === acronym && type !== undefined) winner.set(acronym, type);
    }
  }
  // "the 139th" after "139th Pennsylvania Volunteer Infantry": units go by their number.
  const ordinals = new Set<string>();
  for (const [k, t] of [...winner]) {
    const parts = k.split(' ');
    const first = parts[0] as string;
    if ((t === 'ORG' || t === 'UNIT') && parts.length >= 2 && ORDINAL.test(first)) {
      if (!winner.has(first)) winner.set(first, t);
      ordinals.add(first);
    }
  }
  // Longest names first, so "Bowling Green Falcons" is marked before "Bowling Green".
  const names = [...winner.keys()]
    .filter((k) => /^\p{Lu}/u.test(k) || ordinals.has(k))
    .map((k) => k.split(' '))
    .sort((a, b) => b.length - a.length);
  const harmonised = sentences.map(({ words, spans }) => {
    const out: S[] = spans.map((s) => {
      const t = s.fixed === true ? undefined : winner.get(key(words, s));
      return t !== undefined && t !== s.type ? { ...s, type: t } : s;
    });
    const taken = new Uint8Array(words.length);
    for (const s of out) taken.fill(1, s.start, s.end);
    const template = spans[0];
    for (const name of names) {
      for (let i = 0; i + name.length <= words.length; i++) {
        if (taken[i] === 1 || words[i] !== name[0]) continue;
        let match = true;
        for (let j = 1; j < name.length; j++) {
          if (words[i + j] !== name[j] || taken[i + j] === 1) {
            match = false;
            break;
          }
        }
        if (!match) continue;
        // A bare unit number only when no other name follows it ("the 139th Street").
        if (name.length === 1 && ordinals.has(name[0] as string)) {
          if (!/^(the|The)$/.test(words[i - 1] ?? '') || /^\p{Lu}/u.test(words[i + 1] ?? '')) {
            continue;
          }
        }
        const type = winner.get(name.join(' ')) as EntityType;
        const added = {
          ...(template ?? {}),
          start: i,
          end: i + name.length,
          type,
          ids: [],
          source: 'model',
        } as unknown as S;
        out.push(added);
        taken.fill(1, i, i + name.length);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  });
  return alignCapitalLines(sentences, harmonised);
};
