/**
 * Are all exact-duplicate bodies of Reuters-21578 found? Truth: documents whose BODY is identical
 * after collapsing whitespace (279 groups, 281 extra copies). Every document with a body goes
 * through decideSyndication; a truth group is found when all its documents share one canonical.
 *
 * Usage: npx tsx bench/dedup-reuters-exact.ts [--sqlite]
 */
import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { decideSyndication } from '../src/dedup/decide-syndication.js';
import { MemoryNearDuplicateIndex } from '../src/dedup/memory-near-duplicate-index.js';
import type { NearDuplicateIndex } from '../src/dedup/near-duplicate-index.js';
import {
  SqliteNearDuplicateIndex,
  createNearDuplicateSchema,
} from '../src/store/sqlite/near-duplicate-index.js';
import { readReuters } from './dedup-corpora.js';

const { values } = parseArgs({ options: { sqlite: { type: 'boolean', default: false } } });
const makeIndex = (): NearDuplicateIndex => {
  if (!values.sqlite) return new MemoryNearDuplicateIndex();
  const db = new Database(':memory:');
  createNearDuplicateSchema(db);
  return new SqliteNearDuplicateIndex(db);
};

const docs = readReuters();
const truth = new Map<string, string[]>();
for (const doc of docs) {
  const key = doc.body.replace(/\s+/g, ' ').trim();
  truth.set(key, [...(truth.get(key) ?? []), doc.id]);
}
const truthGroups = [...truth.values()].filter((ids) => ids.length > 1);

const index = makeIndex();
const started = performance.now();
for (const doc of docs) {
  await decideSyndication(
    {
      id: doc.id,
      text: doc.paragraphs.join('\n\n'),
      title: doc.title,
      ...(doc.published ? { published: doc.published } : {}),
    },
    index,
  );
}
const elapsed = performance.now() - started;
const canonicalOf = async (id: string): Promise<string> => (await index.getDecision(id))?.of ?? id;
let found = 0;
const missed: string[][] = [];
for (const group of truthGroups) {
  const canonicals = new Set(await Promise.all(group.map(canonicalOf)));
  if (canonicals.size === 1) found++;
  else missed.push(group);
}
const groups = await index.listGroups();
const exactMembers = groups
  .flatMap((g) => g.members)
  .filter((m) => m.reasons.includes('exact-text')).length;
const nearMembers = groups
  .flatMap((g) => g.members)
  .filter((m) => !m.reasons.includes('exact-text')).length;
console.log(
  `${docs.length} Reuters documents with a body, ${values.sqlite ? 'SQLite' : 'in-memory'} index`,
);
console.log(
  `truth: ${truthGroups.length} identical-body groups, ${truthGroups.reduce((s, g) => s + g.length - 1, 0)} extra copies`,
);
console.log(`found: ${found}/${truthGroups.length} groups entirely in one syndication group`);
console.log(
  `our groups: ${groups.length}; members by exact text ${exactMembers}, by near-duplicate/url ${nearMembers}`,
);
console.log(
  `time: ${(elapsed / 1000).toFixed(1)} s (${((elapsed / docs.length) * 1000).toFixed(0)} us/doc)`,
);
for (const group of missed.slice(0, 10)) console.log('missed', group.join(' '));
if (process.env['SHOW_NEAR']) {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const near = groups.flatMap((g) =>
    g.members
      .filter((m) => !m.reasons.includes('exact-text'))
      .map((m) => [g.canonical, m] as const),
  );
  for (const [canonical, member] of near.slice(0, Number(process.env['SHOW_NEAR']))) {
    console.log(`--- ${member.id} ~ ${canonical} ${member.similarity} ${member.reasons.join(',')}`);
    console.log('  A:', byId.get(canonical)?.paragraphs.join(' / ').slice(0, 300));
    console.log('  B:', byId.get(member.id)?.paragraphs.join(' / ').slice(0, 300));
  }
}
