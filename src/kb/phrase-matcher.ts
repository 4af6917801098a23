import type { EntityType, PhraseMatch, PhraseMatcher, TextMatch } from './kb-types.js';
import { tokenizeForMatch, type AliasToken } from './normalize-alias.js';

/** One name to find, pointing at the entity (or office) it denotes. */
export interface PhraseEntry {
  readonly alias: string;
  readonly id: string;
  readonly type: EntityType;
  /** Match only with exactly this case (as short acronyms always do). */
  readonly exactCase?: boolean;
}

/**
 * Case rule per alias token. Short acronyms ("US", "EU", "IS") only match as written, or every
 * "us" would be a country; capitalised words ("Patriot", "Storm Shadow") need a capital in the
 * text, so "a patriot" is not a missile; lowercase alias words ("de Gaulle") match any case.
 */
type TokenRule = 'exact' | 'upper' | 'any';

interface AliasVariant {
  readonly rules: readonly TokenRule[];
  readonly raws: readonly string[];
  /** tightGaps[k]: token k is joined to k - 1 without a space ("F-35", "SAMP/T", "U.S.") */
  readonly tightGaps: readonly boolean[];
  readonly signature: string;
  readonly ids: string[];
  readonly types: EntityType[];
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  variants: AliasVariant[] | undefined;
}

const UPPER_START_RE = /^\p{Lu}/u;
const LETTER_RE = /\p{L}/gu;

const rulesFor = (
  alias: string,
  tokens: readonly AliasToken[],
  exactCase: boolean,
): TokenRule[] => {
  const letters = alias.match(LETTER_RE)?.length ?? 0;
  if (exactCase || letters <= 3) return tokens.map(() => 'exact');
  return tokens.map((t) => (UPPER_START_RE.test(t.raw) ? 'upper' : 'any'));
};

const tokenPasses = (rule: TokenRule, aliasRaw: string, textRaw: string): boolean => {
  if (rule === 'exact') return aliasRaw === textRaw;
  if (rule === 'upper') return UPPER_START_RE.test(textRaw) || /^\p{N}/u.test(textRaw);
  return true;
};

const newNode = (): TrieNode => ({ next: new Map(), variants: undefined });

const addEntry = (root: TrieNode, entry: PhraseEntry): void => {
  const tokens = tokenizeForMatch(entry.alias);
  if (tokens.length === 0) return;
  let node = root;
  for (const t of tokens) {
    let child = node.next.get(t.norm);
    if (!child) {
      child = newNode();
      node.next.set(t.norm, child);
    }
    node = child;
  }
  const rules = rulesFor(entry.alias, tokens, entry.exactCase === true);
  const raws = tokens.map((t) => t.raw);
  const tightGaps = tokens.map(
    (t, k) => k > 0 && !/\s/.test(entry.alias.slice(tokens[k - 1]?.end ?? 0, t.start)),
  );
  const signature = [
    ...rules.map((r, i) => (r === 'exact' ? raws[i] : r)),
    ...tightGaps.map(String),
  ].join('\u0001');
  node.variants ??= [];
  let variant = node.variants.find((v) => v.signature === signature);
  if (!variant) {
    variant = { rules, raws, tightGaps, signature, ids: [], types: [] };
    node.variants.push(variant);
  }
  if (!variant.ids.includes(entry.id)) variant.ids.push(entry.id);
  if (!variant.types.includes(entry.type)) variant.types.push(entry.type);
};

interface Hit {
  readonly end: number;
  readonly ids: readonly string[];
  readonly types: readonly EntityType[];
}

/** Where a phrase may stop, and whether token i may continue the phrase from token i - 1. */
interface Bounds {
  readonly canEnd: (index: number) => boolean;
  readonly joins: (index: number) => boolean;
  /** Token i follows token i - 1 without a space: "A-10" is a jet, "A 10% rise" is not. */
  readonly tight: (index: number) => boolean;
}

/** "NATOs" is not several NATOs; "PACs" would be: only letter acronyms are refused. */
const ACRONYM_RE = /^[A-Z]{2,}$/;

/** Longest accepted phrase starting at `from`, or undefined. */
const longestAt = (
  root: TrieNode,
  tokens: readonly AliasToken[],
  from: number,
  bounds: Bounds,
): Hit | undefined => {
  let node: TrieNode | undefined = root;
  let best: Hit | undefined;
  const plurals: number[] = [];
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || (i > from && !bounds.joins(i))) break;
    let next: TrieNode | undefined = node.next.get(token.norm);
    // "Joint Strike Fighters", "F-35s", "Leopard 2s": a plural still names the weapon.
    if (!next && token.raw.length > 2 && token.raw.endsWith('s')) {
      next = node.next.get(token.norm.slice(0, -1));
      if (next) plurals.push(i - from);
    }
    node = next;
    if (!node) break;
    if (!node.variants || !bounds.canEnd(i)) continue;
    const ids: string[] = [];
    const types: EntityType[] = [];
    for (const v of node.variants) {
      if (plurals.length > 0) {
        if (!v.types.includes('WEAPON')) continue;
        if (plurals.some((k) => ACRONYM_RE.test(v.raws[k] ?? ''))) continue;
      }
      if (v.tightGaps.some((t, k) => t && !bounds.tight(from + k))) continue;
      const ok = v.rules.every((rule, k) => {
        const raw = tokens[from + k]?.raw ?? '';
        return tokenPasses(rule, v.raws[k] ?? '', plurals.includes(k) ? raw.slice(0, -1) : raw);
      });
      if (!ok) continue;
      for (const id of v.ids) if (!ids.includes(id)) ids.push(id);
      for (const t of v.types) if (!types.includes(t)) types.push(t);
    }
    if (ids.length > 0) best = { end: i + 1, ids, types };
  }
  return best;
};

/** Tokens of one name are separated by a space, a hyphen, a dot or a slash: never by "(" or ",". */
const NAME_GAP_RE = /^[\s\-./'’]{0,3}$/;

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/** "U.S." ends with a dot that belongs to the name: keep it when the last token is one letter after a dot. */
const acronymDot = (text: string, last: AliasToken): number =>
  last.raw.length === 1 && text[last.end] === '.' && text[last.start - 1] === '.' ? 1 : 0;

export const createPhraseMatcher = (entries: Iterable<PhraseEntry>): PhraseMatcher => {
  const root = newNode();
  for (const entry of entries) addEntry(root, entry);

  const matchText = (text: string): TextMatch[] => {
    const tokens = tokenizeForMatch(text);
    const bounds: Bounds = {
      canEnd: () => true,
      joins: (i) => NAME_GAP_RE.test(text.slice(tokens[i - 1]?.end ?? 0, tokens[i]?.start ?? 0)),
      tight: (i) =>
        tokens[i - 1]?.end !== undefined &&
        !/\s/.test(text.slice(tokens[i - 1]?.end ?? 0, tokens[i]?.start ?? 0)),
    };
    const out: TextMatch[] = [];
    for (let i = 0; i < tokens.length;) {
      let hit = longestAt(root, tokens, i, bounds);
      // "the Ukraine Defense Contact Group": a longer name starting after a leading "the" wins.
      if (tokens[i]?.norm === 'the') {
        const after = longestAt(root, tokens, i + 1, bounds);
        if (after && (!hit || after.end > hit.end)) {
          i++;
          hit = after;
        }
      }
      const first = tokens[i];
      const last = hit ? tokens[hit.end - 1] : undefined;
      if (!hit || !first || !last) {
        i++;
        continue;
      }
      const end = last.end + acronymDot(text, last);
      const previous = out[out.length - 1];
      // "F-35 Joint Strike Fighters": two names of one thing side by side are one mention.
      if (
        previous &&
        /^\s+$/.test(text.slice(previous.end, first.start)) &&
        sameIds(previous.ids, hit.ids)
      ) {
        out[out.length - 1] = { ...previous, text: text.slice(previous.start, end), end };
      } else {
        out.push({
          text: text.slice(first.start, end),
          start: first.start,
          end,
          ids: hit.ids,
          types: hit.types,
        });
      }
      i = hit.end;
    }
    return out;
  };

  const matchTokens = (rawTokens: readonly string[]): PhraseMatch[] => {
    // A caller's token ("U.S.") may hold several of ours ("U", "S"): match over ours and keep
    // only phrases that start and end on the caller's token boundaries.
    const subTokens: AliasToken[] = [];
    const owner: number[] = [];
    const firstSub = new Set<number>();
    const lastSub = new Set<number>();
    rawTokens.forEach((raw, index) => {
      const parts = tokenizeForMatch(raw);
      if (parts.length === 0) return;
      firstSub.add(subTokens.length);
      for (const p of parts) {
        subTokens.push(p);
        owner.push(index);
      }
      lastSub.add(subTokens.length - 1);
    });
    const out: PhraseMatch[] = [];
    for (let i = 0; i < subTokens.length;) {
      const hit = firstSub.has(i)
        ? longestAt(root, subTokens, i, {
            canEnd: (k) => lastSub.has(k),
            joins: () => true,
            tight: (k) => !firstSub.has(k),
          })
        : undefined;
      if (!hit) {
        i++;
        continue;
      }
      out.push({
        start: owner[i] ?? 0,
        end: (owner[hit.end - 1] ?? 0) + 1,
        ids: hit.ids,
        types: hit.types,
      });
      i = hit.end;
    }
    return out;
  };

  return { matchText, matchTokens };
};
