/**
 * Contract suite for NearDuplicateIndex implementations, driven through decideSyndication so every
 * backend is held to the same behaviour (in-memory here, SQLite in src/store/sqlite).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintArticle, type DedupInput } from './article-fingerprint.js';
import { MAX_BUCKET_POSTINGS } from './bucket-bound.js';
import { decideSyndication } from './decide-syndication.js';
import { DEFAULT_DEDUP_OPTIONS } from './dedup-options.js';
import type { NearDuplicateIndex } from './near-duplicate-index.js';

const STORY = [
  'Defence ministers from twelve countries met in Brussels on Tuesday to agree a joint plan for buying air defence systems, officials said after the talks ended late in the evening.',
  'The plan would pool orders for interceptor missiles and radars over the next five years, cutting prices and delivery times for smaller members, according to a draft seen by reporters.',
  'Several ministers warned that stockpiles had fallen to dangerous levels after two years of deliveries to Ukraine, and that factories needed long contracts before they would expand.',
  'The agreement still needs approval from national parliaments, and two governments said they would wait for a cost study due in the spring before committing any money.',
  'Industry groups welcomed the move but said export rules and differing national standards remained the biggest obstacle to faster production across the continent.',
].join('\n\n');

const OTHER_EVENT = [
  'Defence ministers from eight countries met in Warsaw on Friday to discuss training exercises planned for the summer, with officials describing the talks as routine.',
  'The exercises will involve naval units in the Baltic and a series of logistics drills meant to test how quickly reinforcements can cross borders in a crisis.',
  'Ministers also discussed cyber attacks on ports and rail networks, which have risen sharply this year according to a report presented at the meeting by national agencies.',
  'No new spending was announced, and a follow-up meeting is planned for the autumn in Vilnius where leaders hope to agree a longer schedule of joint drills.',
  'Observers said the talks showed continuing concern about hybrid threats but produced few concrete commitments beyond the exercise calendar already published.',
].join('\n\n');

/** Changes every `every`-th word, as a rewriting editor would. */
const changeWords = (text: string, every: number): string => {
  let n = 0;
  return text.replace(/[A-Za-z]+/g, (word) => (++n % every === 0 ? 'altered' : word));
};

const article = (
  id: string,
  text: string,
  published: string,
  extra: Partial<DedupInput> = {},
): DedupInput => ({
  id,
  text,
  published,
  source: `source-${id}`,
  title: 'Ministers agree air defence plan',
  ...extra,
});

export const nearDuplicateIndexContract = (
  name: string,
  makeIndex: () => NearDuplicateIndex,
): void => {
  describe(`NearDuplicateIndex contract: ${name}`, () => {
    test('finds an edited copy (boilerplate added, a paragraph dropped, words changed) of an earlier article', async () => {
      const index = makeIndex();
      await decideSyndication(article('a', STORY, '2024-03-01T08:00:00Z'), index);
      const edited = `${changeWords(STORY.split('\n\n').slice(0, 4).join('\n\n'), 25)}\n\nFollow us for more news.`;
      const outcome = await decideSyndication(article('b', edited, '2024-03-01T10:00:00Z'), index);
      assert.equal(outcome.decision.status, 'near-duplicate');
      assert.equal(outcome.decision.of, 'a');
      assert.ok(
        outcome.decision.similarity >= 0.85 && outcome.decision.similarity < 1,
        `${outcome.decision.similarity}`,
      );
      assert.deepEqual(outcome.decision.reasons, ['minhash', 'same-title']);
      assert.deepEqual(await index.listGroups(), [
        {
          canonical: 'a',
          members: [
            {
              id: 'b',
              similarity: outcome.decision.similarity,
              reasons: ['minhash', 'same-title'],
            },
          ],
        },
      ]);
    });

    test('exact copies with different spacing, case and quotes are duplicates by exact text', async () => {
      const index = makeIndex();
      await decideSyndication(article('a', STORY, '2024-03-01T08:00:00Z'), index);
      const shouted = STORY.toUpperCase().replace(/ /g, '  ').replace(/,/g, ' ,');
      const outcome = await decideSyndication(
        article('b', shouted, '2024-03-01T09:00:00Z', { title: 'Other' }),
        index,
      );
      assert.deepEqual(
        {
          status: outcome.decision.status,
          of: outcome.decision.of,
          reasons: outcome.decision.reasons,
        },
        { status: 'duplicate', of: 'a', reasons: ['exact-text'] },
      );
    });

    test('the same page behind a tracking URL is a duplicate by canonical URL', async () => {
      const index = makeIndex();
      await decideSyndication(
        article('a', STORY, '2024-03-01T08:00:00Z', { url: 'https://www.example.com/news/1/' }),
        index,
      );
      const outcome = await decideSyndication(
        article('b', OTHER_EVENT, '2024-03-01T09:00:00Z', {
          url: 'http://example.com/news/1?utm_source=x#top',
          title: 'Updated headline',
        }),
        index,
      );
      assert.equal(outcome.decision.status, 'duplicate');
      assert.deepEqual(outcome.decision.reasons, ['canonical-url']);
    });

    test('a same-topic article about a different event stays an original', async () => {
      const index = makeIndex();
      await decideSyndication(article('a', STORY, '2024-03-01T08:00:00Z'), index);
      const outcome = await decideSyndication(
        article('b', OTHER_EVENT, '2024-03-01T09:00:00Z'),
        index,
      );
      assert.deepEqual(outcome.decision.reasons, ['unique']);
      assert.equal(outcome.decision.status, 'original');
      assert.deepEqual(await index.listGroups(), []);
    });

    test('a copy with a quarter of its words changed is not a copy at the 85% rule', async () => {
      const index = makeIndex();
      await decideSyndication(article('a', STORY, '2024-03-01T08:00:00Z'), index);
      const outcome = await decideSyndication(
        article('b', changeWords(STORY, 4), '2024-03-01T09:00:00Z'),
        index,
      );
      assert.equal(outcome.decision.status, 'original');
    });

    test('a late, earlier-published copy becomes the canonical and earlier decisions are rewritten', async () => {
      const index = makeIndex();
      await decideSyndication(article('later', STORY, '2024-03-02T08:00:00Z'), index);
      await decideSyndication(
        article('latest', changeWords(STORY, 30), '2024-03-03T08:00:00Z'),
        index,
      );
      const outcome = await decideSyndication(
        article('first', changeWords(STORY, 40), '2024-03-01T08:00:00Z'),
        index,
      );
      assert.equal(outcome.decision.status, 'original');
      assert.deepEqual(outcome.decision.reasons, ['earliest-published']);
      assert.equal((await index.getDecision('later'))?.of, 'first');
      assert.equal((await index.getDecision('latest'))?.of, 'first');
      const groups = await index.listGroups();
      assert.deepEqual(
        groups.map((g) => ({ canonical: g.canonical, members: g.members.map((m) => m.id) })),
        [{ canonical: 'first', members: ['later', 'latest'] }],
      );
    });

    test('groups do not depend on arrival order (canonical: earliest, then fuller text, then smaller id)', async () => {
      const inputs = [
        article('p', STORY, '2024-03-01T10:00:00Z'),
        article('q', changeWords(STORY, 20), '2024-03-01T10:00:00Z'),
        article('r', STORY.split('\n\n').slice(0, 4).join('\n\n'), '2024-03-01T10:00:00Z'),
        article('s', OTHER_EVENT, '2024-03-01T07:00:00Z'),
        article('t', changeWords(OTHER_EVENT, 15), '2024-03-02T07:00:00Z'),
      ];
      const orders = [
        [0, 1, 2, 3, 4],
        [4, 3, 2, 1, 0],
        [2, 4, 0, 3, 1],
      ];
      const results: unknown[] = [];
      for (const order of orders) {
        const index = makeIndex();
        for (const i of order) await decideSyndication(inputs[i] as DedupInput, index);
        results.push(await index.listGroups());
      }
      assert.deepEqual(results[1], results[0]);
      assert.deepEqual(results[2], results[0]);
      const groups = results[0] as { canonical: string; members: { id: string }[] }[];
      assert.deepEqual(
        groups.map((g) => [g.canonical, g.members.map((m) => m.id)]),
        [
          ['p', ['q', 'r']],
          ['s', ['t']],
        ],
      );
    });

    test('reads candidates in one call with their group, leaving unknown articles out', async () => {
      const index = makeIndex();
      await decideSyndication(article('a', STORY, '2024-03-01T08:00:00Z'), index);
      await decideSyndication(article('b', changeWords(STORY, 30), '2024-03-01T09:00:00Z'), index);
      await decideSyndication(article('c', OTHER_EVENT, '2024-03-01T10:00:00Z'), index);
      const found = await index.getCandidates(['b', 'missing', 'a', 'c']);
      assert.deepEqual([...found.keys()].sort(), ['a', 'b', 'c']);
      assert.equal(found.get('b')?.copyOf, 'a');
      assert.equal(found.get('a')?.copyOf, undefined);
      assert.equal(found.get('c')?.copyOf, undefined);
      assert.deepEqual(found.get('b')?.fingerprint, await index.getFingerprint('b'));
      assert.deepEqual(await index.getCandidates([]), new Map());
    });

    test('a bucket shared by more than MAX_BUCKET_POSTINGS articles counts its newest ones only', async () => {
      const index = makeIndex();
      // Bucket keys are band * 2^32 + hash; every article shares `hot` and has one of its own.
      const hot = 3 * 2 ** 32 + 12_345;
      const own = (i: number): number => 5 * 2 ** 32 + 1 + i;
      const id = (i: number): string => `t${String(i).padStart(4, '0')}`;
      const total = MAX_BUCKET_POSTINGS + 40;
      for (let i = 0; i < total; i++) {
        const text = `Frigate ${i} moved near port ${i % 7}.`;
        const { fingerprint } = fingerprintArticle(
          article(id(i), text, '2024-03-01T08:00:00Z'),
          DEFAULT_DEDUP_OPTIONS,
        );
        await index.addFingerprint(fingerprint, [hot, own(i)]);
      }
      const newest = Array.from({ length: MAX_BUCKET_POSTINGS }, (_, k) => id(total - 1 - k));
      const found = await index.findBandCandidates([hot], total);
      assert.deepEqual(found.map((c) => c.articleId).sort(), newest.sort());
      // An older article is still found through a bucket that is not crowded.
      const old = await index.findBandCandidates([hot, own(0)], 1);
      assert.deepEqual(old, [{ articleId: id(0), sharedBands: 1 }]);
      const both = await index.findBandCandidates([hot, own(total - 1)], 1);
      assert.deepEqual(both, [{ articleId: id(total - 1), sharedBands: 2 }]);
    });

    test('deciding the same article twice changes nothing', async () => {
      const index = makeIndex();
      await decideSyndication(article('a', STORY, '2024-03-01T08:00:00Z'), index);
      const first = await decideSyndication(article('b', STORY, '2024-03-01T09:00:00Z'), index);
      const again = await decideSyndication(article('b', STORY, '2024-03-01T09:00:00Z'), index);
      assert.deepEqual(again.decision, first.decision);
      assert.deepEqual(again.written, []);
    });
  });
};
