import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sha256Hex } from '../../core/hash.js';
import { decideSyndication } from '../../dedup/decide-syndication.js';
import { assignStory } from '../../stories/assign-story.js';
import { listStories } from '../../stories/story-listing.js';
import { parseQuery } from '../../search/index.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import { draftFor } from '../store-contract.suite.js';
import { copySqliteToPostgres } from './copy-from-sqlite.js';
import { PostgresStore } from './postgres-store.js';
import { checksumPostgres } from './store-checksum.js';
import { createTestSchema, skipUnlessPostgres, type TestSchema } from './test-database.js';

if (skipUnlessPostgres) console.log(`copy-from-sqlite: ${skipUnlessPostgres}`);

const WIRE_BODY =
  'Defence ministers from more than fifty countries met at Ramstein air base on Tuesday to pledge ' +
  'artillery shells, air defence interceptors and armoured vehicles for Ukraine, while officials ' +
  'warned that deliveries from European factories would take months because production lines ' +
  'for ammunition and spare parts remain far below wartime demand across the alliance.';
const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'));
const schemas: TestSchema[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(schemas.map((s) => s.drop()));
});

test(
  'an SQLite store copies to PostgreSQL with equal articles, revisions, syndication, stories and checksums',
  { skip: skipUnlessPostgres },
  async () => {
    const path = join(dir, 'source.db');
    const sqlite = SqliteStore.open({ path });
    await sqlite.saveArticles(['a', 'b', 'c', 'd'].map((key) => draftFor(key)));
    await sqlite.saveArticles([
      draftFor('b', { text: 'Body of b, revised.', raw: '{"b":2}', contentHash: sha256Hex('b2') }),
      // Another outlet: one site's two pages under different headlines are never copies.
      draftFor('e', { raw: 'raw with a NUL \u0000 and ünïcode', source: 'Another Daily' }),
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
    // Syndication and stories as ingest makes them, oldest first; 'e' copies 'a' word for word.
    for (const article of [...sourceArticles].reverse()) {
      const input = {
        id: article.id,
        // e is a syndicated copy of a: long enough that copy detection needs no headline match.
        text:
          article.title === 'Title of e' || article.title === 'Title of a'
            ? WIRE_BODY
            : article.text,
        ...(article.title === undefined ? {} : { title: article.title }),
        ...(article.source === undefined ? {} : { source: article.source }),
        ...(article.published === undefined ? {} : { published: article.published }),
      };
      await decideSyndication(input, sqlite.nearDuplicates);
      await assignStory(input, sqlite.stories);
    }
    const sourceGroups = await sqlite.nearDuplicates.listGroups();
    const sourceStories = await listStories(sqlite.stories);
    assert.ok(sourceGroups.length > 0 && sourceStories.stories.length > 0);
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
        fingerprints: 5,
        decisions: 5,
        stories: sourceStories.stories.length,
        storyMembers: 5,
      });
      assert.deepEqual(progress, [0, 2, 4, 5]);
      assert.equal(report.verified, true);
      assert.equal(report.source.sha256, report.target.sha256);
      assert.equal(report.source.organiseSha256, report.target.organiseSha256);
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
      // The copied indexes answer dupes and stories as SQLite did, and count as many rows.
      assert.deepEqual(await pg.nearDuplicates.listGroups(), sourceGroups);
      assert.deepEqual(await listStories(pg.stories), sourceStories);
      assert.equal(report.target.buckets, 5 * 32);
      assert.equal(report.target.storyDocuments, 5);
      assert.ok(report.target.storyTerms > 0 && report.target.storyLookupTerms > 0);
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
        fingerprints: 0,
        decisions: 0,
        stories: 0,
        storyMembers: 0,
      });
      assert.equal(again.verified, true);

      // The organise digest notices one changed story weight or syndication decision.
      const story = sourceStories.stories[0]!.id;
      const { centroid } = (
        await pg.connectionPool.query<{ centroid: string }>(
          'SELECT centroid FROM stories WHERE id = $1',
          [story],
        )
      ).rows[0]!;
      const setCentroid = (value: string) =>
        pg.connectionPool.query('UPDATE stories SET centroid = $2 WHERE id = $1', [story, value]);
      await setCentroid(centroid.replace(/\d(?=\])/, (digit) => String((Number(digit) + 1) % 10)));
      assert.notEqual(
        (await checksumPostgres(pg.connectionPool)).organiseSha256,
        report.source.organiseSha256,
      );
      await setCentroid(centroid);
      assert.equal(
        (await checksumPostgres(pg.connectionPool)).organiseSha256,
        report.source.organiseSha256,
      );
      const decisionVersions = (change: string) =>
        pg.connectionPool.query(
          `UPDATE syndication_decisions SET version = ${change} WHERE canonical_id IS NOT NULL`,
        );
      await decisionVersions("version || '+'");
      assert.notEqual(
        (await checksumPostgres(pg.connectionPool)).organiseSha256,
        report.source.organiseSha256,
      );
      await decisionVersions('left(version, -1)');
      assert.equal(
        (await checksumPostgres(pg.connectionPool)).organiseSha256,
        report.source.organiseSha256,
      );

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
