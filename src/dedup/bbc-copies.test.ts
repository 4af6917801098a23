import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath, skipUnlessShared } from '../../test/shared-data.js';
import type { DedupInput } from './article-fingerprint.js';
import { decideSyndication } from './decide-syndication.js';
import { MemoryNearDuplicateIndex } from './memory-near-duplicate-index.js';

const BBC = ['corpora', 'bbc-fulltext', 'bbc', 'politics'];

/** Replaces every `every`-th word: 1/every of the words change. */
const changeWords = (text: string, every: number): string => {
  let n = 0;
  return text.replace(/\p{L}+/gu, (word) => (++n % every === 0 ? 'zzz' : word));
};

test(
  'real BBC articles: edited copies join their original, heavy rewrites and other articles do not',
  { skip: skipUnlessShared(...BBC) },
  async () => {
    const dir = sharedPath(...BBC) as string;
    const files = readdirSync(dir).sort().slice(0, 36);
    const inputs: DedupInput[] = [];
    const expected = new Map<string, string>();
    files.forEach((file, i) => {
      const [title = '', ...rest] = readFileSync(join(dir, file), 'latin1').split(/\n\s*\n/);
      const text = rest.join('\n\n');
      const paragraphs = rest.filter((p) => p.trim().length > 0);
      // Drop the shortest paragraph (as an editor cutting a line would) and reverse the rest.
      const shortest = paragraphs.reduce(
        (best, p, k) => (p.length < (paragraphs[best] as string).length ? k : best),
        0,
      );
      const kept = paragraphs.filter((_, k) => k !== shortest || paragraphs.length < 3).reverse();
      const date = (hours: number): string =>
        new Date(Date.UTC(2005, 0, 1 + i, hours)).toISOString();
      inputs.push({ id: `o${i}`, title, text, source: 'bbc', published: date(8) });
      inputs.push({
        id: `c${i}`,
        title: `UPDATE 1-${title}`,
        text: `${changeWords(kept.join('\n\n'), 20)}\n\nSign up for our newsletter.`,
        source: 'wire',
        published: date(12),
      });
      inputs.push({
        id: `r${i}`,
        title,
        text: changeWords(text, 4),
        source: 'blog',
        published: date(10),
      });
      expected.set(`c${i}`, `o${i}`);
    });
    // Arrival order deliberately differs from publication order.
    const order = inputs.map((_, k) => (k * 37) % inputs.length);
    assert.equal(new Set(order).size, inputs.length);
    const index = new MemoryNearDuplicateIndex();
    for (const k of order) await decideSyndication(inputs[k] as DedupInput, index);

    const groups = await index.listGroups();
    const copyOf = new Map(
      groups.flatMap((g) => g.members.map((m) => [m.id, g.canonical] as const)),
    );
    for (const [copy, original] of expected)
      assert.equal(copyOf.get(copy), original, `${copy} should copy ${original}`);
    for (const id of copyOf.keys())
      assert.ok(expected.has(id), `${id} was grouped but is not a copy`);
    for (const group of groups) {
      for (const member of group.members)
        assert.ok(
          member.similarity >= 0.85 && member.similarity < 1,
          `${member.id} ${member.similarity}`,
        );
    }
  },
);
