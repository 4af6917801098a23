import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typeFromHead } from './head-word-type.js';

const w = (s: string): string[] => s.split(' ');

test('the last word types a name, unless an organisation keyword stands before "of"', () => {
  const a = w('Intercontinental Bank of Dade County');
  assert.equal(typeFromHead(a, 0, a.length), 'ORG');
  const b = w('Ramstein Air Base');
  assert.equal(typeFromHead(b, 0, b.length), 'FACILITY');
  const c = w('Gulf of Mexico');
  assert.equal(typeFromHead(c, 0, c.length), undefined);
  const r = w('Banco di Roma');
  assert.equal(typeFromHead(r, 0, r.length), 'ORG');
  const d = w('Isle of Wight County');
  assert.equal(typeFromHead(d, 0, d.length), 'LOC');
});

test('a party named by its members is an organisation', () => {
  const a = w('Christian Democrats');
  assert.equal(typeFromHead(a, 0, a.length), 'ORG');
  const b = w('the Scottish Nationalists');
  assert.equal(typeFromHead(b, 1, b.length), 'ORG');
});
