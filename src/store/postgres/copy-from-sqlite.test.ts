import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sha256Hex } from '../../core/hash.js';
import { parseQuery } from '../../search/index.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import { draftFor } from '../store-contract.suite.js';
import { copySqliteToPostgres } from './copy-from-sqlite.js';
import { PostgresStore } from './postgres-store.js';
import { checksumPostgres } from './store-checksum.js';
import { createTestSchema, skipUnlessPostgres, type TestSchema } from './test-database.js';

if (skipUnlessPostgres) console.log(`copy-from-sqlite: ${skipUnlessPostgres}`);

const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'));
const schemas: TestSchema[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(schemas.map((s) => s.drop()));
});

test(
  'an SQLite store copies to PostgreSQL with equal articles, revisions and checksums',
  { skip: skipUnlessPostgres },
  async () => {
    const path = join(dir, 'source.db');
    const sqlite = SqliteStore.open({ path });
    await sqlite.saveArticles(['a', 'b', 'c', 'd'].map((key) => draftFor(key)));
    await sqlite.saveArticles([
      draftFor('b', { text: 'Body of b, revised.', raw: '{"b":2}', contentHash: sha256Hex('b2') }),
      draftFor('e', { raw: 'raw with a NUL \u0000 and ünïcode' }),
    ]);
    await sqlite.saveFeeds([
      { xmlUrl: 'https://example.org/feed.xml', title: 'Feed', provenance: { path: 'x.opml' } },
    ]);
    await sqlite.saveApiToken({
      name: 'ci',
      tokenHash: sha256Hex('t'),
      scopes: ['read'],
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const sourceArticles = (await sqlite.listArticles({ limit: 10 })).items;
    const enrichment = {
      version: 'enrich-1',
      entities: [
        { text: 'HIMARS', start: 30, end: 36, type: 'WEAPON', id: 'kb:himars', name: 'HIMARS' },
      ],
      countries: [{ code: 'EE', name: 'Estonia' }],
      figures: [
        { text: 'six', start: 10, end: 13, kind: 'count', value: 6, unit: 'launchers' },
        {
          text: '1.5 billion euros',
          start: 40,
          end: 57,
          kind: 'money',
          value: 1.5e9,
          unit: 'EUR',
          subject: 'contract',
          entityId: 'kb:himars',
        },
      ],
      quotes: [
        {
          text: '"Delivered."',
          start: 60,
          end: 72,
          kind: 'direct',
          speaker: 'Hanno Pevkur',
          speakerId: 'kb:pevkur',
          anonymous: false,
        },
      ],
      relations: [
        {
          subjectId: 'kb:ee',
          subjectName: 'Estonia',
          predicate: 'operates',
          objectId: 'kb:himars',
          objectName: 'HIMARS',
          negated: false,
          start: 0,
          end: 40,
        },
      ],
      document: { figures: [] },
    };
    await sqlite.saveEnrichment(sourceArticles[0]!.id, enrichment);
    await sqlite.close();

    const schema = createTestSchema('migrate');
    schemas.push(schema);
    const pg = await PostgresStore.open({ url: schema.url });
    try {
      const progress: number[] = [];
      const report = await copySqliteToPostgres({
        from: path,
        pool: pg.connectionPool,
        batchSize: 2,
        onProgress: (p) => progress.push(p.copied),
      });
      assert.deepEqual(report.copied, {
        articles: 5,
        revisions: 6,
        feeds: 1,
        apiTokens: 1,
        enrichments: 1,
      });
      assert.deepEqual(progress, [0, 2, 4, 5]);
      assert.equal(report.verified, true);
      assert.equal(report.source.sha256, report.target.sha256);
      assert.equal(report.target.revisions, 6);

      // Same ids, fields, timestamps and list order on both backends.
      assert.deepEqual((await pg.listArticles({ limit: 10 })).items, sourceArticles);
      const revised = sourceArticles.find((a) => a.title === 'Title of b')!;
      assert.deepEqual(
        (await pg.listRevisions(revised.id)).map((r) => [r.revision, r.raw]),
        [
          [1, draftFor('b').raw],
          [2, '{"b":2}'],
        ],
      );
      assert.equal((await pg.findApiToken(sha256Hex('t')))?.name, 'ci');
      assert.deepEqual(await pg.getEnrichment(sourceArticles[0]!.id), enrichment);
      assert.equal(report.target.entityMentions, 1);
      assert.deepEqual(
        [report.target.figures, report.target.quotes, report.target.relations],
        [2, 1, 1],
      );
      assert.deepEqual(report.notCopied, []);
      const himars = parseQuery('entity:himars country:ee');
      assert.ok(himars.ok);
      assert.equal((await pg.searchArticles({ query: himars.value, limit: 5 })).total, 1);

      const again = await copySqliteToPostgres({ from: path, pool: pg.connectionPool });
      assert.deepEqual(again.copied, {
        articles: 0,
        revisions: 0,
        feeds: 0,
        apiTokens: 0,
        enrichments: 0,
      });
      assert.equal(again.verified, true);

      // The checksum must notice a single changed raw byte.
      await pg.connectionPool.query(
        "UPDATE article_revisions SET raw = convert_to('tampered', 'UTF8') WHERE article_id = $1 AND revision = 1",
        [revised.id],
      );
      assert.notEqual((await checksumPostgres(pg.connectionPool)).sha256, report.source.sha256);
    } finally {
      await pg.close();
    }
  },
);
