import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath, sharedPath, skipUnlessShared } from '../../test/shared-data.js';
import { learnBoilerplate } from './boilerplate-model.js';
import { splitDumpParagraphs } from './dump-paragraphs.js';
import { repairDump } from './repair-dump.js';

const reasons = (r: ReturnType<typeof repairDump>): string[] => r.removed.map((x) => x.reason);

describe('repairDump', () => {
  test('drops repeated titles, duplicates, lone punctuation and built-in boilerplate, recording each', () => {
    const dump = [
      'Ceasefire talks resume in Doha',
      'Ceasefire talks resume in Doha',
      'Negotiators returned to Doha on Monday for a new round of talks , officials said.',
      '.',
      'Negotiators returned to Doha on Monday for a new round of talks, officials said.',
      'The talks are expected to last three days.',
      'Leave a comment',
    ].join('\n\n');
    const r = repairDump(dump);
    assert.equal(r.title, 'Ceasefire talks resume in Doha');
    assert.equal(r.titleInferred, false);
    assert.deepEqual(r.paragraphs, [
      'Negotiators returned to Doha on Monday for a new round of talks, officials said.',
      'The talks are expected to last three days.',
    ]);
    assert.deepEqual(reasons(r), [
      'repeated-title',
      'lone-punctuation',
      'duplicate-paragraph',
      'boilerplate',
    ]);
    assert.equal(r.edits.length, 1);
  });

  test('splits a tag prefix off the first paragraph and keeps the tags', () => {
    const r = repairDump(
      'NATO expands\nnato, baltics - Allies agreed on Tuesday to send more troops.\nMore follows.',
    );
    assert.deepEqual(r.tags, ['nato', 'baltics']);
    assert.equal(r.paragraphs[0], 'Allies agreed on Tuesday to send more troops.');
  });

  test('with a title known from metadata, a headline-like first line is body unless it repeats the title', () => {
    const r = repairDump('Short summary without a full stop\nMore text follows here.', {
      knownTitle: 'Feed title',
    });
    assert.equal(r.title, 'Feed title');
    assert.deepEqual(r.paragraphs, [
      'Short summary without a full stop',
      'More text follows here.',
    ]);
    const repeated = repairDump('Feed title\nMore text follows here.', {
      knownTitle: 'Feed title',
    });
    assert.deepEqual(repeated.paragraphs, ['More text follows here.']);
    assert.deepEqual(reasons(repeated), ['repeated-title']);
  });

  test('infers a title when the dump opens with a paragraph', () => {
    const r = repairDump(
      'Troops crossed the border early on Sunday, officials said. Fighting followed.\nMore details emerged later in the day.',
    );
    assert.equal(r.titleInferred, true);
    assert.equal(r.title, 'Troops crossed the border early on Sunday, officials said');
    assert.equal(r.paragraphs.length, 2);
  });

  test('drops learned site footers only with a model, and never content lines', () => {
    const footer = 'The Brakor Dispatch: beacons of policy, every morning.';
    const bodies = [
      'Kyiv said the strikes hit power plants.',
      'Riga opened a new base.',
      'Oslo raised its budget.',
      'Paris hosted the summit.',
    ];
    const dumps = bodies.map((b) => `Headline about ${b.split(' ')[0]}\n${b}\n${footer}`);
    const model = learnBoilerplate(dumps.map(splitDumpParagraphs));
    const withModel = repairDump(dumps[0]!, { boilerplate: model });
    assert.deepEqual(withModel.paragraphs, [bodies[0]]);
    assert.deepEqual(reasons(withModel), ['learned-boilerplate']);
    assert.equal(repairDump(dumps[0]!).paragraphs.length, 2);
  });

  test('a reader sign-off at the end goes; the same words quoted in the story stay', () => {
    const r = repairDump(
      'Aid arrives\nThe convoy reached the city on Friday.\n"Thank you for coming," the mayor told the drivers.\nThank you for reading and for sharing our articles with your friends.',
    );
    assert.deepEqual(r.paragraphs, [
      'The convoy reached the city on Friday.',
      '"Thank you for coming," the mayor told the drivers.',
    ]);
    assert.deepEqual(reasons(r), ['reader-appeal']);
  });
});

describe('golden seeds (../shared/seeds -> test/golden/seeds)', () => {
  const seeds = sharedPath('seeds');
  test('each seed repairs to its reviewed expectation', { skip: skipUnlessShared('seeds') }, () => {
    const files = readdirSync(seeds!).filter((f) => f.endsWith('.txt'));
    assert.equal(files.length, 4);
    for (const file of files) {
      const expected: unknown = JSON.parse(
        readFileSync(
          repoPath('test', 'golden', 'seeds', file.replace(/\.txt$/, '.expected.json')),
          'utf8',
        ),
      );
      const r = repairDump(readFileSync(`${seeds}/${file}`, 'utf8'));
      const actual = {
        title: r.title,
        titleInferred: r.titleInferred,
        tags: r.tags,
        paragraphs: r.paragraphs,
        removed: r.removed,
      };
      assert.deepEqual(JSON.parse(JSON.stringify(actual)), expected, file);
    }
  });
});
