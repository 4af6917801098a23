/**
 * The fixed draw behind eval/gold/facts-report4.txt and facts-dev6.txt: candidate articles from four
 * pools of ../shared, each pool ordered by the SHA-256 of "<salt>:<id>", articles already named in any
 * eval/gold/facts-*.txt skipped. Prints ids (and with --text the text to read) so the gold is written
 * by hand from a draw nobody picked.
 *
 *   npx tsx bench/facts/draw-gold-rows.ts --salt report4 [--skip 0] [--text]
 *
 * Pools (word-bounded, case-insensitive unless said):
 *   ruwa     RUWA title+lead (any outlet) naming a SYSTEM (case-sensitive list below) or a WEAPON word
 *            with aid|assistance|package, and a TRANSFER word: first 16
 *   reuters  Reuters-21578 bodies where a TRANSFER word comes at most 60 characters before a PLATFORM
 *            word, with a MILITARY word anywhere: first 8
 *   bbc      BBC fulltext with a WEAPON, a TRANSFER and a MILITARY word: first 5
 *   re3d     re3d CENTCOM, UK Government, US State Department documents with a WEAPON and a TRANSFER
 *            word: first 5
 * --skip N drops the first N of every pool (dev6 takes the rows after report4's).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoPath, sharedPath } from '../../test/shared-data.js';
import { loadGoldArticle, ruwaArticleIds } from './facts-articles.js';

const SYSTEMS =
  /\b(HIMARS|Patriot|Javelin|Stinger|NASAMS|Leopard|Abrams|Challenger|Bradley|M777|IRIS-T|Gepard|Storm Shadow|ATACMS|F-16|Bayraktar|S-300|Iskander|Harpoon|Caesar|Marder|Switchblade|MiG-29|Shahed|Kalibr|Starlink|SAMP\/T|Stryker|Hawk|Avenger|Crotale|Pantsir|S-400|Su-25|Tornado|Gripen|Rafale|F-35|Taurus|Neptune|Excalibur)\b/;
const WEAPON =
  /\b(missiles?|tanks?|fighters?|jets?|aircraft|helicopters?|warships?|frigates?|submarines?|howitzers?|artillery|air defen[cs]e|drones?|rockets?|weapons?|arms|ammunition|shells)\b/i;
const AID = /\b(aid|assistance|package)\b/i;
const TRANSFER =
  /\b(sell|sold|sales?|suppl\w*|deliver\w*|send|sent|provid\w*|donat\w*|pledg\w*|purchas\w*|buy|bought|order\w*|contract\w*|acquir\w*|procur\w*|transfer\w*|receiv\w*|give|gave|offer\w*)\b/i;
const PLATFORM =
  /\b(missiles?|tanks|fighters?|jets?|aircraft|helicopters?|warships?|frigates?|submarines?|howitzers?|arms)\b/i;
const MILITARY = /\b(defen[cs]e|military|army|navy|air force|Pentagon|ministry of defence)\b/i;
const TRANSFER_BEFORE_PLATFORM = new RegExp(`${TRANSFER.source}[^.]{0,60}?${PLATFORM.source}`, 'i');

const { values } = parseArgs({
  options: {
    salt: { type: 'string', default: 'report4' },
    skip: { type: 'string', default: '0' },
    text: { type: 'boolean', default: false },
  },
});
const shared = sharedPath();
if (shared === undefined) {
  console.log('../shared is absent: nothing to draw');
  process.exit(0);
}
const salt = values.salt as string;
const skip = Number(values.skip);
const used = new Set<string>();
const goldDir = repoPath('eval', 'gold');
for (const name of readdirSync(goldDir).filter((n) => /^facts-.*\.txt$/.test(n))) {
  // The set being drawn is not "used" by itself: re-running the draw reproduces it.
  if (name === `facts-${salt}.txt`) continue;
  for (const line of readFileSync(join(goldDir, name), 'utf8').split('\n'))
    if (line.startsWith('@')) used.add(line.slice(1).trim());
}
const order = (id: string): string => createHash('sha256').update(`${salt}:${id}`).digest('hex');

const ruwaIds = (): string[] => ruwaArticleIds(shared);
const reutersIds = (): string[] => {
  const ids: string[] = [];
  const dir = join(shared, 'corpora', 'reuters-21578', 'sgm-data');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.sgm')))
    for (const m of readFileSync(join(dir, name), 'latin1').matchAll(/NEWID="(\d+)"/g))
      ids.push(`reuters:${m[1]}`);
  return ids;
};
const bbcIds = (): string[] => {
  const root = join(shared, 'corpora', 'bbc-fulltext', 'bbc');
  return readdirSync(root).flatMap((topic) =>
    /\./.test(topic)
      ? []
      : readdirSync(join(root, topic))
          .filter((n) => n.endsWith('.txt'))
          .map((n) => `bbc:${topic}/${n.replace(/\.txt$/, '')}`),
  );
};
const re3dIds = (): string[] =>
  ['CENTCOM', 'UK Government', 'US State Department'].flatMap((source) =>
    readFileSync(join(shared, 'ner', 're3d', 'original', source, 'documents.json'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => `re3d:${source}/${(JSON.parse(l) as { _id: string })._id}`),
  );

const pools: { name: string; take: number; ids: () => string[]; keep: (t: string) => boolean }[] = [
  {
    name: 'ruwa',
    take: 16,
    ids: ruwaIds,
    keep: (t) => (SYSTEMS.test(t) || (WEAPON.test(t) && AID.test(t))) && TRANSFER.test(t),
  },
  {
    name: 'reuters',
    take: 8,
    ids: reutersIds,
    keep: (t) => TRANSFER_BEFORE_PLATFORM.test(t) && MILITARY.test(t),
  },
  {
    name: 'bbc',
    take: 5,
    ids: bbcIds,
    keep: (t) => WEAPON.test(t) && TRANSFER.test(t) && MILITARY.test(t),
  },
  { name: 're3d', take: 5, ids: re3dIds, keep: (t) => WEAPON.test(t) && TRANSFER.test(t) },
];

/** The text, or undefined for a story the converter drops (Reuters stories without a body). */
const textOf = (id: string): string | undefined => {
  try {
    return loadGoldArticle(shared, id).text;
  } catch {
    return undefined;
  }
};

for (const pool of pools) {
  const ranked = pool
    .ids()
    .filter((id) => !used.has(id))
    .sort((a, b) => (order(a) < order(b) ? -1 : 1));
  const drawn: string[] = [];
  let held = 0;
  for (const id of ranked) {
    const text = textOf(id);
    if (text === undefined || !pool.keep(text)) continue;
    held += 1;
    if (held <= skip) continue;
    if (drawn.length < pool.take) drawn.push(id);
  }
  console.log(`# pool ${pool.name}: ${held} candidates, taking ${drawn.length} after ${skip}`);
  for (const id of drawn) {
    console.log(`@ ${id}`);
    if (values.text) console.log(`${textOf(id) ?? ''}\n`);
  }
}
