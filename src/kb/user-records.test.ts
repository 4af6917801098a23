import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadKnowledgeBase } from './load-knowledge-base.js';
import { addUserKbFile } from './user-kb-folder.js';
import { parseUserRecords } from './user-records.js';

const GOOD_JSONL = [
  '{"type":"WEAPON","name":"Ruta","aliases":["Ruta missile-drone"],"category":"missile drone","countries":["UA"],"source":"our desk, 2025-08"}',
  '',
  '{"id":"person:oleksandr-kamyshin","type":"PERSON","name":"Oleksandr Kamyshin","aliases":["Kamyshin"]}',
  '{"id":"office:ua-strategic-industries-minister","name":"Minister of Strategic Industries of Ukraine","titles":["Ukraine\'s strategic industries minister"],"of":"gpe:ua","terms":[{"person":"person:oleksandr-kamyshin","start":"2023-03-21","end":"2024-09-04"}]}',
].join('\n');

describe('parseUserRecords', () => {
  test('accepts JSONL entities and offices, filling ids, kinds and sources', () => {
    const parsed = parseUserRecords(GOOD_JSONL, 'mine.jsonl');
    assert.ok(parsed.ok);
    const [ruta, kamyshin] = parsed.value.entities;
    assert.equal(ruta?.id, 'user:weapon:ruta');
    assert.equal(ruta?.kind, 'weapon');
    assert.equal(ruta?.source, 'our desk, 2025-08');
    assert.equal(kamyshin?.source, 'user file mine.jsonl');
    assert.equal(parsed.value.offices[0]?.terms[0]?.end, '2024-09-04');
  });

  test('reports every bad record with its line and field, and returns nothing', () => {
    const text = [
      '{"type":"WEAPON","name":"Ok"}',
      '{"type":"TANK","name":"X"}',
      '{"type":"ORG","name":"Y","alias":["typo"]}',
      '{not json',
      '{"type":"GPE","name":"Z","countries":["Zed"]}',
    ].join('\n');
    const parsed = parseUserRecords(text, 'bad.jsonl');
    assert.ok(!parsed.ok);
    assert.equal(parsed.error.length, 4);
    assert.match(parsed.error[0] ?? '', /^bad\.jsonl:line 4: not valid JSON/);
    assert.match(parsed.error[1] ?? '', /^bad\.jsonl:line 2: type: /);
    assert.match(parsed.error[2] ?? '', /^bad\.jsonl:line 3: .*alias/);
    assert.match(parsed.error[3] ?? '', /^bad\.jsonl:line 5: countries\.0: expected an ISO 3166-1/);
  });

  test('accepts a JSON array and an {entities} object', () => {
    assert.ok(parseUserRecords('[{"type":"ORG","name":"Acme Defence"}]', 'a.json').ok);
    const obj = parseUserRecords(
      '{"entities":[{"type":"ORG","name":"Acme"}],"offices":[]}',
      'b.json',
    );
    assert.ok(obj.ok && obj.value.entities.length === 1);
    const empty = parseUserRecords('   ', 'c.json');
    assert.ok(!empty.ok && /no records/.test(empty.error[0] ?? ''));
  });
});

describe('user kb folder', () => {
  test('kb add saves a validated file that the loader then reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
    const source = join(dir, 'desk.jsonl');
    writeFileSync(source, GOOD_JSONL);
    const added = addUserKbFile(source, join(dir, 'kb'));
    assert.ok(added.ok);
    assert.deepEqual([added.value.entities, added.value.offices], [2, 1]);
    assert.match(readFileSync(added.value.path, 'utf8'), /"Ruta"/);

    const kb = loadKnowledgeBase({ userDirs: [join(dir, 'kb')] });
    assert.equal(kb.findByAlias('Ruta missile-drone')[0]?.id, 'user:weapon:ruta');
    assert.equal(
      kb.officeHolder('office:ua-strategic-industries-minister', '2024-01-01')?.name,
      'Oleksandr Kamyshin',
    );
    assert.equal(kb.stats().userEntities, 2);
    // shipped data is still there
    assert.equal(kb.findByAlias('HIMARS')[0]?.id, 'weapon:himars');
  });

  test('a bad file is refused whole; a bad file already in the folder is skipped and reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
    const source = join(dir, 'bad.json');
    writeFileSync(source, '[{"type":"WEAPON"}]');
    const added = addUserKbFile(source, join(dir, 'kb'));
    assert.ok(!added.ok);
    assert.match(added.error[0] ?? '', /name/);

    writeFileSync(join(dir, 'broken.json'), '[{"type":"ORG"}]');
    const problems: string[] = [];
    loadKnowledgeBase({ userDirs: [dir], onProblem: (p) => problems.push(p) });
    assert.equal(problems.length, 2);
  });
});
