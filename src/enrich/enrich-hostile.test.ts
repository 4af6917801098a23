import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { findDates } from './dates/find-dates.js';
import { enrichArticle, type EnrichDeps } from './enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from './ner/ner-model-file.js';
import { findQuotes } from './quotes/find-quotes.js';
import { splitSentences, tokenize } from './tokenize.js';

/**
 * Enrichment stays linear on hostile text. Several inputs below took 2-80 s before (a scan per
 * match or per mention); the bound, 3 s per 200 KB, is generous so a loaded 2-core machine does
 * not make it flake.
 */
const BOUND_MS = 3_000;
const boundFor = (text: string): number => BOUND_MS * Math.max(1, text.length / 200_000);
const SIZE = 200_000;

const repeated = (unit: string, length: number): string =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Deterministic digits and punctuation (no Math.random: a failure must replay). */
const digitsAndPunctuation = (length: number): string => {
  const alphabet = '0123456789.,;:-/$%()"\' ';
  let state = 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length];
  }
  return out;
};

const HOSTILE: Record<string, () => string> = {
  'date cues in markup': () => 'on 14' + repeated('<entry>', SIZE) + ' last Friday and next week',
  'repeated markup': () =>
    repeated('<entry><title>On 14 March 2025</title><p>"We will," said NATO.</p></entry>', SIZE),
  'straight quotes': () => repeated('"a" ', SIZE),
  'curly quotes': () => repeated('\u201ca\u201d ', SIZE),
  'names without a full stop': () =>
    repeated('NATO Russia Ukraine Putin Zelensky said $10bn ', SIZE),
  'digits and punctuation (1 MB)': () => digitsAndPunctuation(1_000_000),
  'one 500 KB word': () => repeated('a', 500_000),
};

const timed = (run: () => unknown): number => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

describe('enrichment on hostile text stays within a time bound', () => {
  let deps: EnrichDeps;
  before(() => {
    deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
  });

  for (const [name, make] of Object.entries(HOSTILE)) {
    test(`${name}: enrichArticle within 3 s per 200 KB`, () => {
      const text = make();
      const ms = timed(() => enrichArticle({ text, published: '2025-06-01T00:00:00Z' }, deps));
      assert.ok(ms < boundFor(text), `${name}: ${ms.toFixed(0)} ms for ${text.length} chars`);
    });
  }

  test('findDates and findQuotes alone handle 400 KB of what made them quadratic', () => {
    const dates = (n: number): string => 'on 14' + repeated('<entry>', n) + ' next week';
    const quotes = (n: number): string => repeated('"a" ', n);
    const quoteTime = (text: string): number => {
      const sentences = splitSentences(text, tokenize(text));
      return timed(() => findQuotes(text, sentences, []));
    };
    assert.ok(timed(() => findDates(dates(400_000), '2025-06-01')) < BOUND_MS);
    assert.ok(quoteTime(quotes(400_000)) < BOUND_MS);
  });
});
