import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitSentences, tokenize } from '../tokenize.js';
import { findQuotes, type SpeakerCandidate } from './find-quotes.js';

/** Person mentions as the entity stage would give them, found here by name. */
const people = (text: string, names: Record<string, string>): SpeakerCandidate[] =>
  Object.entries(names).flatMap(([surface, id]) => {
    const out: SpeakerCandidate[] = [];
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      out.push({ start: i, end: i + surface.length, type: 'PERSON', id, name: id });
    }
    return out;
  });

const run = (text: string, names: Record<string, string>) =>
  findQuotes(text, splitSentences(text, tokenize(text)), people(text, names));

describe('findQuotes', () => {
  test('speaker after the quote, with no space after the closing mark, and "he added" across a paragraph', () => {
    const text =
      '“We will not be intimidated by anyone at all”Ms. Kallas said on Friday.\n\n“Nor will our allies be intimidated by threats”she added.';
    const quotes = run(text, { Kallas: 'kallas' });
    assert.deepEqual(
      quotes.map((q) => [q.speaker, q.attribution, q.kind]),
      [
        ['kallas', 'after', 'direct'],
        ['kallas', 'pronoun', 'direct'],
      ],
    );
    assert.equal(
      text.slice(quotes[0]?.start, quotes[0]?.end),
      'We will not be intimidated by anyone at all',
    );
  });

  test('speaker before the quote, verb first, and anonymous sources', () => {
    const text =
      '“The drills went well and on schedule,” said Admiral Rob Bauer. A Western diplomat, speaking anonymously, remarked, “Nobody expected them to go so smoothly.”';
    const quotes = run(text, { 'Rob Bauer': 'bauer' });
    assert.deepEqual(
      quotes.map((q) => [q.speaker, q.anonymous]),
      [
        ['bauer', false],
        ['A Western diplomat', true],
      ],
    );
  });

  test('a few quoted words in a reporting sentence go to its subject; scare quotes to nobody', () => {
    const text =
      'Mr Scholz said the meeting was “historic” for Europe. Moscow is described as a “main threat” in the text.';
    const quotes = run(text, { Scholz: 'scholz' });
    assert.deepEqual(
      quotes.map((q) => [q.text, q.speaker ?? null, q.kind]),
      [
        ['historic', 'scholz', 'partial'],
        ['main threat', null, 'term'],
      ],
    );
  });

  test('reported speech without quote marks', () => {
    const text =
      'Chancellor Olaf Scholz said that Germany would double its order of air defence systems.';
    const [q] = run(text, { 'Olaf Scholz': 'scholz' });
    assert.equal(q?.kind, 'reported');
    assert.equal(q?.speaker, 'scholz');
    assert.equal(q?.text, 'Germany would double its order of air defence systems');
  });
});
