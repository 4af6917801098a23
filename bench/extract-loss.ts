/**
 * Where the F1 of the dev sets goes: every missed gold line and every extra line of ours is traced
 * to the page element it comes from and put in a kind (pruned by a furniture tag, by a widget
 * name, outside the chosen container, dropped by a line rule, ...). Each page's recall loss is
 * shared among its missed lines by token count, its precision loss among its extra lines, and the
 * kinds are ranked by the loss summed over pages (divided by the set's page count: points of the
 * set's F1, roughly). For choosing which general cause to fix next; dev sets only.
 *
 * Usage: node --import tsx bench/extract-loss.ts [--sets fundus,l3s-gn1] [--lang de] [--pages 5]
 *   --lang: fundus country folders only (de = de, at, ch, li, lu); --pages: example pages per kind.
 */
import { extractArticle } from '../src/clean/extract-article.js';
import {
  hasFurnitureTag,
  hasWidgetName,
  isHiddenOrRoleFurniture,
} from '../src/clean/boilerplate-markers.js';
import { parseHtml, type HtmlElement } from '../src/clean/html-tree.js';
import { SHARED_DIR } from '../test/shared-data.js';
import { EXTRACTION_SETS } from './extraction-sets.js';
import { shingleOverlap } from './shingle-overlap.js';

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const TOKEN = /[\p{L}\p{N}_]+/gu;
const tokensOf = (s: string): string[] => s.match(TOKEN) ?? [];
const shingleSet = (t: readonly string[]): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + 4 <= t.length; i++) out.add(t.slice(i, i + 4).join(' '));
  return out;
};
const coverage = (line: string, other: Set<string>, otherTokens: Set<string>): number => {
  const t = tokensOf(line);
  if (t.length < 4) return t.every((w) => otherTokens.has(w)) ? 1 : 0;
  const own = shingleSet(t);
  let hit = 0;
  for (const s of own) if (other.has(s)) hit++;
  return own.size === 0 ? 1 : hit / own.size;
};

const BLOCKS = new Set(
  'p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre table tr td th figure figcaption form body'.split(
    ' ',
  ),
);

interface RawBlock {
  readonly owner: HtmlElement;
  readonly text: string;
  readonly shingles: Set<string>;
  readonly tokens: Set<string>;
}

/** Every block of the page, nothing pruned, to find where a line of text lives. */
const rawBlocks = (root: HtmlElement): RawBlock[] => {
  const out: RawBlock[] = [];
  let buffer = '';
  const flush = (owner: HtmlElement): void => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text === '') return;
    const t = tokensOf(text);
    out.push({ owner, text, shingles: shingleSet(t), tokens: new Set(t) });
  };
  const walk = (el: HtmlElement, owner: HtmlElement): void => {
    const isBlock = BLOCKS.has(el.tag);
    if (isBlock) flush(owner);
    for (const c of el.children) {
      if (typeof c === 'string') buffer += c;
      else walk(c, isBlock ? el : owner);
    }
    if (isBlock) flush(el);
  };
  walk(root, root);
  return out;
};

const findBlock = (line: string, blocks: readonly RawBlock[]): RawBlock | undefined => {
  let best: RawBlock | undefined;
  let bestScore = 0;
  for (const b of blocks) {
    const s = coverage(line, b.shingles, b.tokens);
    if (s > bestScore) {
      bestScore = s;
      best = b;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
};

const nameOf = (el: HtmlElement): string =>
  `${el.tag}${el.attrs['class'] ? '.' + el.attrs['class'].trim().split(/\s+/)[0] : ''}${el.attrs['id'] ? '#' + el.attrs['id'] : ''}`;

/** Why a missed line's block is not in our text. */
const missKind = (
  block: RawBlock | undefined,
  droppedReason: string | undefined,
  detail: boolean,
): string => {
  if (droppedReason !== undefined) return `dropped:${droppedReason}`;
  if (!block) return 'not-in-html';
  for (let p: HtmlElement | undefined = block.owner; p; p = p.parent) {
    if (hasFurnitureTag(p)) return `pruned-tag:${p.tag}`;
    if (isHiddenOrRoleFurniture(p)) return 'pruned-hidden-or-role';
  }
  for (let p: HtmlElement | undefined = block.owner; p; p = p.parent)
    if (p.tag !== 'body' && p.tag !== 'html' && hasWidgetName(p))
      return `pruned-name${detail ? `:${nameOf(p)}` : ''}`;
  return `outside-container:${block.owner.tag}`;
};

const extraKind = (line: string, block: RawBlock | undefined, where: string): string => {
  const n = tokensOf(line).length;
  const size = n <= 6 ? 'short' : n <= 25 ? 'mid' : 'long';
  const tag = block?.owner.tag ?? '?';
  const kind = /^h[1-6]$/.test(tag) ? 'heading' : tag === 'li' ? 'li' : tag === 'td' ? 'td' : 'p';
  return `extra:${where}:${kind}:${size}`;
};

interface Tally {
  loss: number;
  lines: number;
  examples: Map<string, number>;
}

const main = (): void => {
  const only = argValue('--sets')?.split(',');
  const lang = argValue('--lang');
  const perKind = Number(argValue('--pages') ?? 4);
  const detail = process.argv.includes('--detail');
  const show = process.argv.includes('--show');
  const sets = EXTRACTION_SETS.filter((s) => s.role === 'dev' && (!only || only.includes(s.name)));
  const german = new Set(['de', 'at', 'ch', 'li', 'lu']);
  for (const set of sets) {
    let pages = set.load(SHARED_DIR);
    if (lang === 'de') pages = pages.filter((p) => german.has(p.id.split('/')[0] ?? ''));
    const tallies = new Map<string, Tally>();
    const add = (kind: string, loss: number, page: string): void => {
      let t = tallies.get(kind);
      if (!t) tallies.set(kind, (t = { loss: 0, lines: 0, examples: new Map() }));
      t.loss += loss;
      t.lines++;
      t.examples.set(page, (t.examples.get(page) ?? 0) + loss);
    };
    let recallLoss = 0;
    let precisionLoss = 0;
    for (const page of pages) {
      const got = extractArticle(page.html);
      const o = shingleOverlap(page.gold, got.text);
      const r = o.gold === 0 ? 1 : o.shared / o.gold;
      const p = o.ours === 0 ? (o.gold === 0 ? 1 : 0) : o.shared / o.ours;
      recallLoss += 1 - r;
      precisionLoss += 1 - p;
      if (r >= 0.999 && p >= 0.999) continue;
      const blocks = rawBlocks(parseHtml(page.html).root);
      const dropped = got.removed.map((d) => ({
        ...d,
        shingles: shingleSet(tokensOf(d.text)),
        tokens: new Set(tokensOf(d.text)),
      }));
      const diff = (from: string, against: string): string[] => {
        const t = tokensOf(against);
        const sh = shingleSet(t);
        const toks = new Set(t);
        return from
          .split(/\n+/)
          .map((l) => l.trim())
          .filter((l) => l !== '' && coverage(l, sh, toks) < 0.5);
      };
      const missed = diff(page.gold, got.text);
      const missedTokens = missed.reduce((s, l) => s + tokensOf(l).length, 0);
      for (const line of missed) {
        const share = ((1 - r) * tokensOf(line).length) / Math.max(1, missedTokens);
        const d = dropped.find((x) => coverage(line, x.shingles, x.tokens) >= 0.5);
        const kind = missKind(findBlock(line, blocks), d?.reason, detail);
        add(kind, share, page.id);
        if (show) console.log(`    - ${kind} ${page.id}: ${line.slice(0, 140)}`);
      }
      // Where an extra line sits in our text: before the first gold line, after the last, or among them.
      const ourLines = got.text
        .split(/\n+/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
      const extra = new Set(diff(got.text, page.gold));
      const firstGold = ourLines.findIndex((l) => !extra.has(l));
      let lastGold = -1;
      ourLines.forEach((l, i) => {
        if (!extra.has(l)) lastGold = i;
      });
      const extraTokens = [...extra].reduce((s, l) => s + tokensOf(l).length, 0);
      ourLines.forEach((line, i) => {
        if (!extra.has(line)) return;
        const share = ((1 - p) * tokensOf(line).length) / Math.max(1, extraTokens);
        const where =
          firstGold < 0 ? 'all' : i < firstGold ? 'head' : i > lastGold ? 'tail' : 'inside';
        add(extraKind(line, findBlock(line, blocks), where), share, page.id);
        if (show) console.log(`    + ${where} ${page.id}: ${line.slice(0, 140)}`);
      });
    }
    const n = pages.length;
    console.log(
      `=== ${set.name}${lang ? ` (${lang})` : ''}: ${n} pages, mean recall loss ${(recallLoss / n).toFixed(4)}, precision loss ${(precisionLoss / n).toFixed(4)}`,
    );
    for (const [kind, t] of [...tallies].sort((a, b) => b[1].loss - a[1].loss).slice(0, 20)) {
      const top = [...t.examples]
        .sort((a, b) => b[1] - a[1])
        .slice(0, perKind)
        .map(([id, l]) => `${id}(${l.toFixed(2)})`)
        .join(' ');
      console.log(
        `  ${(t.loss / n).toFixed(4)}  ${kind.padEnd(34)} ${String(t.lines).padStart(5)} lines  ${top}`,
      );
    }
  }
};

main();
