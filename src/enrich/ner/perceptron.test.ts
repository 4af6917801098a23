import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spansFromBio } from './entity-spans.js';
import { scoreEntities } from './entity-score.js';
import { parseConll, RE3D_LABELS, stripPersonTitles } from './labelled-corpus.js';
import { tagWordsCached } from './cached-scorer.js';
import { decodeGreedy, decodeModel, encodeModel } from './perceptron-model.js';
import { sentenceFeatures } from './token-features.js';
import { trainPerceptron } from './perceptron-trainer.js';
import { tagWords } from './tag-words.js';
import { buildLexicon } from './lexicon.js';

const corpus = (names: string[], places: string[]) => {
  const lines: string[] = [];
  names.forEach((name, i) => {
    const place = places[i % places.length] as string;
    const [first, last] = name.split(' ');
    lines.push(
      `President\tB-Person\n${first}\tI-Person\n${last}\tI-Person\nvisited\tO\n${place}\tB-Location\ntoday\tO\n.\tO\n`,
    );
  });
  return lines.join('\n');
};

describe('averaged perceptron tagger', () => {
  test('learns a toy task, survives a save/load round trip and scores on unseen names', () => {
    const train = parseConll(
      corpus(
        ['Anna Berg', 'Karl Lind', 'Mira Holm', 'Olaf Dahl', 'Ivan Kask', 'Lena Roos'],
        ['Oslo', 'Riga', 'Tartu', 'Vilnius'],
      ),
      RE3D_LABELS,
    ).map(stripPersonTitles);
    assert.deepEqual(train[0]?.tags, ['O', 'B-PERSON', 'I-PERSON', 'O', 'B-GPE', 'O', 'O']);
    const lexicon = buildLexicon({
      firstNames: ['Eva', 'Anna'],
      surnames: ['Sand'],
      places: ['Oslo', 'New Riga'],
    });
    const model = decodeModel(
      encodeModel(
        trainPerceptron(train, {
          epochs: 5,
          minCount: 1,
          pruneBelow: 0,
          seed: 1,
          version: 'toy',
          lexicon,
          clusters: new Map([
            ['Oslo', 'a0'],
            ['Riga', 'a1'],
            ['Anna', 'b0'],
            ['visited', 'c0'],
          ]),
        }),
      ),
    );
    assert.ok(model.lexicon?.placesByFirst.has('new'), 'the name lists travel in the model file');
    assert.equal(model.clusters?.get('Riga'), 'a1', 'the word clusters travel in the model file');
    const words = ['President', 'Eva', 'Sand', 'visited', 'Riga', 'today', '.'];
    const tags = tagWords(model, words);
    assert.deepEqual(spansFromBio(tags), [
      { start: 1, end: 3, type: 'PERSON' },
      { start: 4, end: 5, type: 'GPE' },
    ]);
    // The cached fast path must tag exactly as the feature-string path the trainer uses.
    for (const sentence of [
      words,
      ['Oslo', 'and', 'Mira', 'Holm', 'met', 'in', '2022'],
      ['The', 'US', "'s", 'F-35'],
      ['Eva', 'Sand', 'of', 'New', 'Riga', 'Bank', 'met', 'Anna', '.'],
    ]) {
      assert.deepEqual(
        tagWordsCached(model, sentence),
        decodeGreedy(model, sentence, sentenceFeatures(sentence, undefined, model)),
      );
      // A model trained without KB features tags alike with or without the KB's tags.
      const gazetteer = sentence.map((_, i) => (i === 0 ? 'B-GPE' : undefined));
      assert.deepEqual(
        tagWords(model, sentence, gazetteer),
        decodeGreedy(model, sentence, sentenceFeatures(sentence, gazetteer, model)),
      );
    }
    const score = scoreEntities([['B-PERSON', 'I-PERSON', 'O']], [['B-PERSON', 'O', 'O']]);
    assert.equal(score.f1, 0);
  });
});
