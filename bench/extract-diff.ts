/**
 * One dev page, gold against ours, line by line: which gold lines we missed (no 4-word shingle of
 * them in our text) and which of our lines are not in the gold. For reading why a page scores low.
 *
 * Usage: node --import tsx bench/extract-diff.ts SET PAGE-ID [PAGE-ID...]
 */
import { extractArticle } from '../src/clean/extract-article.js';
import { SHARED_DIR } from '../test/shared-data.js';
import { EXTRACTION_SETS } from './extraction-sets.js';

const TOKEN = /[\p{L}\p{N}_]+/gu;
const shingleSet = (s: string): Set<string> => {
  const t = s.match(TOKEN) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 4 <= t.length; i++) out.add(t.slice(i, i + 4).join(' '));
  return out;
};
/** Share of a line's shingles found in the other text (short lines: token containment). */
const covered = (line: string, other: Set<string>, otherTokens: Set<string>): number => {
  const t = line.match(TOKEN) ?? [];
  if (t.length < 4) return t.every((w) => otherTokens.has(w)) ? 1 : 0;
  const own = shingleSet(line);
  let hit = 0;
  for (const s of own) if (other.has(s)) hit++;
  return own.size === 0 ? 1 : hit / own.size;
};

const [setName, ...ids] = process.argv.slice(2);
const set = EXTRACTION_SETS.find((s) => s.name === setName);
if (!set || set.role !== 'dev')
  throw new Error('name a dev set (report sets are not read page by page)');
const pages = set.load(SHARED_DIR);
for (const id of ids) {
  const page = pages.find((p) => p.id === id);
  if (!page) continue;
  const ours = extractArticle(page.html).text;
  const show = (label: string, from: string, against: string): void => {
    const sh = shingleSet(against);
    const toks = new Set(against.match(TOKEN) ?? []);
    console.log(`--- ${label}`);
    for (const line of from.split(/\n+/)) {
      const l = line.trim();
      if (l === '' || covered(l, sh, toks) >= 0.5) continue;
      console.log(`  ${l.slice(0, 200)}`);
    }
  };
  console.log(`=== ${setName} ${id}`);
  show('missed (gold, not ours)', page.gold, ours);
  show('extra (ours, not gold)', ours, page.gold);
}
