import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleDraft } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import { ok, type Result } from '../core/result.js';
import type { EnrichmentInput } from './enricher.js';
import { preparedWith, speculativeInput, type Prepared } from './prepare-item.js';
import { awaitAssisting, prepareQueue } from './prepare-queue.js';

// Stand-ins for cleaning and enrichment: a draft is its item's text upper-cased, an enrichment
// its input's text; enough to tell who cleaned what and that answers match their items.
const itemOf = (text: string): RawItem => ({ text }) as unknown as RawItem;
const clean = (item: RawItem): Result<ArticleDraft> =>
  ok({ text: (item as unknown as { text: string }).text.toUpperCase() } as ArticleDraft);
const enrichmentOf = (input: EnrichmentInput): ArticleEnrichment =>
  ({ version: input.text }) as unknown as ArticleEnrichment;

const harness = (window: number) => {
  const cleanedHere: string[] = [];
  const preparedThere: string[] = [];
  const answers: (() => void)[] = [];
  const later = <T>(value: () => T): Promise<T> =>
    new Promise<T>((resolve) => answers.push(() => resolve(value())));
  const queue = prepareQueue({
    window,
    prepareThere: (item, spec) =>
      later(() => {
        preparedThere.push((item as unknown as { text: string }).text);
        const draft = clean(item);
        if (!draft.ok || !spec.enrich) return { draft };
        const input = speculativeInput(draft.value, spec);
        return preparedWith(draft, input, enrichmentOf(input));
      }),
    enrichThere: (input) => later(() => enrichmentOf(input)),
    cleanHere: (item) => {
      cleanedHere.push((item as unknown as { text: string }).text);
      return clean(item);
    },
  });
  /** Answers every task handed out so far, in order. */
  const answerAll = async (): Promise<void> => {
    while (answers.length > 0) {
      answers.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { queue, cleanedHere, preparedThere, answerAll };
};

const enrichedText = (prepared: Prepared): string | undefined =>
  prepared.enriched?.enrichment.version;

test('the writer cleans the latest waiting items; every item gets its own draft and enrichment', async () => {
  const { queue, cleanedHere, preparedThere, answerAll } = harness(2);
  const texts = ['a', 'b', 'c', 'd', 'e'];
  const pending = texts.map((text) => queue.prepare(itemOf(text), { enrich: true }));
  // Two handed out (the window); of the three waiting, the latest are taken first.
  assert.equal(queue.assist(), true);
  assert.equal(queue.assist(), true);
  assert.deepEqual(cleanedHere, ['e', 'd']);
  await answerAll();
  const prepared = await Promise.all(pending);
  assert.deepEqual(preparedThere, ['a', 'b', 'c']);
  assert.deepEqual(
    prepared.map((p) => (p.draft.ok ? p.draft.value.text : p.draft.error)),
    ['A', 'B', 'C', 'D', 'E'],
  );
  // Cleaned here or there, the enrichment is of the same input.
  assert.deepEqual(prepared.map(enrichedText), ['A', 'B', 'C', 'D', 'E']);
  assert.equal(queue.assist(), false);
});

test('an item cleaned here that needs no enrichment is answered at once', async () => {
  const { queue, answerAll } = harness(1);
  const first = queue.prepare(itemOf('x'), { enrich: false });
  const second = queue.prepare(itemOf('y'), { enrich: false });
  assert.equal(queue.assist(), true);
  const answered = await second;
  assert.equal(answered.enriched, undefined);
  assert.equal(answered.draft.ok && answered.draft.value.text, 'Y');
  assert.equal(queue.assist(), false, 'the first is already with a worker');
  await answerAll();
  assert.equal((await first).draft.ok, true);
});

test('awaitAssisting assists only while the awaited promise is pending', async () => {
  let calls = 0;
  let resolve: (value: string) => void = () => undefined;
  const pending = new Promise<string>((done) => (resolve = done));
  const waited = awaitAssisting(pending, () => {
    calls++;
    if (calls === 3) resolve('done');
    return true;
  });
  assert.equal(await waited, 'done');
  assert.equal(calls, 3);
  assert.equal(
    await awaitAssisting(Promise.resolve('now'), () => assert.fail('settled already')),
    'now',
  );
});
