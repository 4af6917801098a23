import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  createTestSchema,
  skipUnlessPostgres,
  type TestSchema,
} from '../../src/store/postgres/test-database.js';
import { repoPath } from '../shared-data.js';
import { runSitrep, tempDir } from './cli-harness.js';

if (skipUnlessPostgres) console.log(`organise-postgres: ${skipUnlessPostgres}`);

const dir = tempDir('sitrep-organise-pg-');
const schemas: TestSchema[] = [];
after(async () => {
  dir.remove();
  await Promise.all(schemas.map((s) => s.drop()));
});

const dupes = async (db: string) => {
  const run = await runSitrep(['dupes', '--db', db, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return run.json<{ groups: unknown[] }>();
};

const stories = async (db: string) => {
  const run = await runSitrep(['stories', '--db', db, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return run.json<{ stories: { id: string; article_count: number }[] }>();
};

const ingest = async (db: string): Promise<{ copies: number; storiesOpened: number }> => {
  const run = await runSitrep(['ingest', repoPath('examples/sample'), '--db', db, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return run.json();
};

test(
  'PostgreSQL gives the sample the same syndication groups, stories and timelines as SQLite',
  { skip: skipUnlessPostgres, timeout: 180_000 },
  async () => {
    const sqlite = join(dir.path, 'organise.db');
    const schema = createTestSchema('organise');
    schemas.push(schema);
    const onSqlite = await ingest(sqlite);
    const onPostgres = await ingest(schema.url);
    assert.deepEqual(onPostgres, onSqlite);
    assert.ok(onSqlite.copies >= 1 && onSqlite.storiesOpened >= 7, JSON.stringify(onSqlite));

    const sqliteGroups = await dupes(sqlite);
    assert.equal(sqliteGroups.groups.length, 1);
    assert.deepEqual(await dupes(schema.url), sqliteGroups);

    const sqliteStories = await stories(sqlite);
    assert.equal(sqliteStories.stories.filter((s) => s.article_count >= 2).length, 7);
    assert.deepEqual(await stories(schema.url), sqliteStories);

    const biggest = [...sqliteStories.stories].sort((a, b) => b.article_count - a.article_count)[0];
    const timeline = async (db: string) => {
      const run = await runSitrep(['story', biggest!.id, '--db', db, '--json']);
      assert.equal(run.code, 0, run.stderr);
      return run.json();
    };
    assert.deepEqual(await timeline(schema.url), await timeline(sqlite));

    const again = await ingest(schema.url);
    assert.deepEqual([again.copies, again.storiesOpened], [0, 0]);
    assert.deepEqual(await stories(schema.url), sqliteStories);
  },
);

test(
  'sitrep migrate carries the syndication groups and stories over, and verifies them',
  { skip: skipUnlessPostgres, timeout: 180_000 },
  async () => {
    const sqlite = join(dir.path, 'migrate.db');
    await ingest(sqlite);
    const schema = createTestSchema('organisemigrate');
    schemas.push(schema);
    const run = await runSitrep(['migrate', '--from', sqlite, '--to', schema.url, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const report = run.json<{
      verified: boolean;
      notCopied: string[];
      source: Record<string, number | string>;
      target: Record<string, number | string>;
    }>();
    assert.equal(report.verified, true);
    assert.deepEqual(report.notCopied, []);
    assert.deepEqual(report.target, report.source);
    assert.ok(Number(report.target['storyMembers']) > 0 && Number(report.target['decisions']) > 0);
    assert.deepEqual(await dupes(schema.url), await dupes(sqlite));
    assert.deepEqual(await stories(schema.url), await stories(sqlite));

    // The migrated indexes carry on: ingesting the same files again adds no copies and no stories.
    const again = await ingest(schema.url);
    assert.deepEqual([again.copies, again.storiesOpened], [0, 0]);
  },
);
