import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RawItem } from '../core/raw-item.js';
import { CLEAN_VERSION, cleanItem } from './clean-item.js';

const base = { provenance: { path: 'x' }, raw: '', authors: [], categories: [] } as const;

describe('cleanItem', () => {
  test('routes HTML to extraction and records its stage versions', () => {
    const paragraphs = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i}: the defence ministry said, on Monday, that new air defence systems would be deployed near the border.</p>`,
    ).join('');
    const item: RawItem = {
      ...base,
      format: 'html',
      body: {
        kind: 'html',
        html: `<html lang="en"><head><title>Air defence - Site</title></head><body><nav><a href="/">Home</a></nav><article>${paragraphs}</article></body></html>`,
      },
      title: 'Feed title',
    };
    const doc = cleanItem(item);
    assert.equal(doc.paragraphs.length, 4);
    assert.equal(doc.language, 'en');
    assert.equal(doc.stageVersions['clean'], CLEAN_VERSION);
    assert.ok(doc.stageVersions['main-text']);
    assert.ok(doc.stageVersions['metadata']);
  });

  test('routes text dumps to repair and keeps the reader metadata', () => {
    const item: RawItem = {
      ...base,
      format: 'text',
      body: {
        kind: 'text',
        text: 'Drills begin\nDrills begin\nThe navy began drills in the Baltic Sea on Monday, officials said.\n.\nLeave a comment',
      },
      published: '2024-01-02T00:00:00Z',
      authors: ['A. Writer'],
    };
    const doc = cleanItem(item);
    assert.equal(doc.title, 'Drills begin');
    assert.deepEqual(doc.paragraphs, [
      'The navy began drills in the Baltic Sea on Monday, officials said.',
    ]);
    assert.equal(doc.removed.length, 3);
    assert.equal(doc.published, '2024-01-02T00:00:00Z');
    assert.deepEqual(doc.authors, ['A. Writer']);
    assert.ok(doc.stageVersions['repair']);
  });

  test('keeps a JSONL record title as the title, and its first body line as body', () => {
    const item: RawItem = {
      ...base,
      format: 'jsonl',
      body: {
        kind: 'text',
        text: 'Serbia confirmed a second batch of Rafale fighters.\n\nDelivery starts in 2028.',
      },
      title: 'Rafale jets, again',
    };
    const doc = cleanItem(item);
    assert.equal(doc.title, 'Rafale jets, again');
    assert.equal(doc.paragraphs[0], 'Serbia confirmed a second batch of Rafale fighters.');
  });

  test('a text dump first line is only a candidate: no title line means an inferred title', () => {
    const item: RawItem = {
      ...base,
      format: 'text',
      body: {
        kind: 'text',
        text: 'Serbia confirmed a second batch of Rafale fighters on Monday, officials said in Belgrade.\n\nDelivery starts in 2028.',
      },
      title:
        'Serbia confirmed a second batch of Rafale fighters on Monday, officials said in Belgrade.',
    };
    const doc = cleanItem(item);
    assert.equal(doc.paragraphs.length, 2);
  });
});
