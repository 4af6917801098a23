import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POSTGRES_MAX_POSITION, buildPostgresTsvector } from './postgres-tsvector.js';

test('title words weigh A, text words follow after a gap, repeated words list every position', () => {
  assert.equal(
    buildPostgresTsvector({ title: 'F-35 delays', text: 'F-35 jets: delays, delays.' }),
    "'f':1A,5 '35':2A,6 'delays':3A,8,9 'jets':7",
  );
});

test('an article without a title starts at position 1; diacritics fold as in FTS5', () => {
  assert.equal(buildPostgresTsvector({ text: 'Ministère  Étienne' }), "'ministere':1 'etienne':2");
});

test('positions beyond what PostgreSQL stores are clamped to its maximum', () => {
  const text = `${'x '.repeat(POSTGRES_MAX_POSITION + 5)}tail`;
  assert.match(buildPostgresTsvector({ text }), new RegExp(`'tail':${POSTGRES_MAX_POSITION}$`));
});

test('lexemes PostgreSQL would refuse are left out', () => {
  assert.equal(buildPostgresTsvector({ text: `short ${'y'.repeat(3000)}` }), "'short':1");
});
