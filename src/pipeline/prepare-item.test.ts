import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import type { ArticleEnricher, EnrichmentInput } from './enricher.js';
import { prepareItem, usePrepared } from './prepare-item.js';

const item: RawItem = {
  format: 'text',
  provenance: { path: 'a.txt' },
  raw: 'Ministry orders drones\n\nThe ministry ordered 40 drones from a company in Kyiv on Monday.',
  body: {
    kind: 'text',
    text: 'Ministry orders drones\n\nThe ministry ordered 40 drones from a company in Kyiv on Monday.',
  },
  published: '2024-05-06T00:00:00Z',
  authors: [],
  categories: [],
};

/** An enricher that records what it was asked, so a test sees which input an enrichment is of. */
const recording = () => {
  const inputs: EnrichmentInput[] = [];
  const enricher: ArticleEnricher = {
    version: 'test',
    enrich: (input) => {
      inputs.push(input);
      return { version: `of:${input.published ?? '-'}` } as unknown as ArticleEnrichment;
    },
  };
  return { enricher, inputs };
};

test('without enrich, or without an enricher, an item is only cleaned', () => {
  const { enricher, inputs } = recording();
  const plain = prepareItem(item, { enrich: false }, enricher);
  assert.ok(plain.draft.ok);
  assert.equal(plain.enriched, undefined);
  assert.equal(prepareItem(item, { enrich: true }, undefined).enriched, undefined);
  assert.equal(inputs.length, 0);
});

test('a speculative enrichment is used only for the input it was computed from', () => {
  const { enricher } = recording();
  const prepared = prepareItem(item, { enrich: true }, enricher);
  assert.ok(prepared.draft.ok);
  const draft = prepared.draft.value;
  const same: EnrichmentInput = {
    text: draft.text,
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    ...(draft.published !== undefined ? { published: draft.published } : {}),
  };
  assert.equal(usePrepared(prepared, same)?.version, `of:${draft.published}`);
  // The writer enriches a stored article's text, title or date when they differ: never reused then.
  assert.equal(usePrepared(prepared, { ...same, text: `${draft.text} More.` }), undefined);
  assert.equal(usePrepared(prepared, { ...same, published: '2020-01-01T00:00:00Z' }), undefined);
  assert.equal(usePrepared(prepared, { ...same, title: 'Another title' }), undefined);
});

test('reprocess enriches with the stored date, which overrides the draft', () => {
  const { enricher, inputs } = recording();
  const stored = '2023-01-02T00:00:00Z';
  const prepared = prepareItem(item, { enrich: true, published: { value: stored } }, enricher);
  assert.equal(inputs[0]?.published, stored);
  assert.ok(prepared.draft.ok);
  const { text, title } = prepared.draft.value;
  const input = { text, ...(title !== undefined ? { title } : {}), published: stored };
  assert.equal(usePrepared(prepared, input)?.version, `of:${stored}`);
  // An undated stored article: enriched without a date, even though the draft has one.
  const undated = prepareItem(item, { enrich: true, published: {} }, enricher);
  assert.equal(inputs[1]?.published, undefined);
  assert.ok(undated.draft.ok);
  assert.equal(
    usePrepared(undated, { text, ...(title !== undefined ? { title } : {}) })?.version,
    'of:-',
  );
});
