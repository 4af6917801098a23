import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readText } from './read-text.js';
import { bytesOf } from './test-bytes.js';

describe('readText', () => {
  test('the whole file is one item and the first line is only a title candidate', () => {
    const text =
      '\n  NATO ministers meet  \nNATO ministers meet\n\nDefence ministers gathered in Brussels.\n';
    const [event] = readText('a.txt', bytesOf(text));
    assert.equal(event?.kind, 'item');
    if (event?.kind !== 'item') return;
    assert.equal(event.item.title, 'NATO ministers meet');
    assert.deepEqual(event.item.body, { kind: 'text', text });
    assert.equal(event.item.raw, text);
    assert.deepEqual(event.item.provenance, { path: 'a.txt' });
  });

  test('a first line that reads like a paragraph is not offered as a title', () => {
    const paragraph = `${'As troops from Estonia and Taiwan trained together at Fort Sill, '.repeat(4)}officials said.`;
    const [event] = readText('b.txt', bytesOf(`${paragraph}\n\nMore.`));
    assert.equal(event?.kind === 'item' ? event.item.title : 'not an item', undefined);
  });

  test('windows-1252 dumps are decoded', () => {
    const [event] = readText(
      'c.txt',
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94]),
    );
    assert.equal(event?.kind === 'item' ? event.item.title : '', 'Café “x”');
  });

  test('an empty file is skipped, not an item', () => {
    assert.deepEqual(readText('d.txt', bytesOf('  \n')), [
      { kind: 'skipped', skip: { provenance: { path: 'd.txt' }, reason: 'text: empty file' } },
    ]);
  });
});
