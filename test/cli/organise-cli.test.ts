import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoPath } from '../shared-data.js';
import { runSitrep, tempDir } from './cli-harness.js';

const dir = tempDir('sitrep-organise-');
const db = join(dir.path, 'organise.db');
after(() => dir.remove());
before(async () => {
  const run = await runSitrep(['ingest', repoPath('examples/sample'), '--db', db, '--json']);
  assert.equal(run.code, 0, run.stderr);
});

interface Groups {
  groups: { canonical: string; members: { id: string; similarity: number; reasons: string[] }[] }[];
}

test('dupes finds the sample syndicated copy, canonical = the earlier article', async () => {
  const { groups } = (await runSitrep(['dupes', '--db', db, '--json'])).json<Groups>();
  assert.equal(groups.length, 1);
  const [group] = groups;
  const canonical = (await runSitrep(['show', group!.canonical, '--db', db, '--json'])).json<{
    published: string;
    title: string;
  }>();
  const copy = (await runSitrep(['show', group!.members[0]!.id, '--db', db, '--json'])).json<{
    published: string;
  }>();
  assert.match(canonical.title, /Storm Shadow/);
  assert.ok(canonical.published < copy.published, 'the earliest published is canonical');
  assert.ok(group!.members[0]!.similarity >= 0.85);
  assert.ok(group!.members[0]!.reasons.length > 0);
});

test('stories group the sample into its seven multi-day stories', async () => {
  const { stories } = (
    await runSitrep(['stories', '--db', db, '--min-articles', '2', '--json'])
  ).json<{
    stories: {
      id: string;
      title: string;
      articles: string[];
      first_seen: string;
      last_seen: string;
    }[];
  }>();
  assert.equal(stories.length, 7);
  for (const story of stories) {
    assert.ok(story.first_seen <= story.last_seen);
    assert.ok(story.articles.length >= 4, `${story.title}: ${story.articles.length}`);
  }
  const timeline = await runSitrep(['story', stories[0]!.id, '--db', db]);
  assert.equal(timeline.code, 0);
  assert.equal(timeline.stdout.trim().split('\n').length, stories[0]!.articles.length + 1);
  const missing = await runSitrep(['story', 'story-nope', '--db', db]);
  assert.equal(missing.code, 1);
});

test('a second ingest adds no copies and opens no stories', async () => {
  const again = (
    await runSitrep(['ingest', repoPath('examples/sample'), '--db', db, '--json'])
  ).json<{
    copies: number;
    storiesOpened: number;
  }>();
  assert.equal(again.copies, 0);
  assert.equal(again.storiesOpened, 0);
});
