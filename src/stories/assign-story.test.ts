import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignStory } from './assign-story.js';
import { MemoryStoryIndex } from './memory-story-index.js';
import { listStories, storyTimeline } from './story-listing.js';
import { storyIndexContract } from './story-index.test-suite.js';
import { nameLikeTerms, storyTerms } from './story-terms.js';

storyIndexContract('in memory', () => new MemoryStoryIndex());

test('story terms drop function words and fold plurals; names are words capitalised mid-sentence', () => {
  assert.deepEqual(storyTerms('The missiles were fired at 2 targets in 2024'), [
    'missile',
    'fired',
    'target',
    '2024',
  ]);
  assert.deepEqual(nameLikeTerms('Troops left Mosul. Then the Army said NATO would help'), [
    'mosul',
    'army',
    'nato',
  ]);
});

test('story listing prints ids, titles, articles in timeline order and first/last seen', async () => {
  const index = new MemoryStoryIndex();
  const text =
    'Floods hit Valencia after record rain, emergency services said, closing roads and schools.';
  await assignStory(
    { id: 'b', title: 'Valencia floods', text, published: '2024-10-30T10:00:00Z' },
    index,
  );
  await assignStory(
    { id: 'a', title: 'Record rain floods Valencia', text, published: '2024-10-29T10:00:00Z' },
    index,
  );
  assert.deepEqual((await listStories(index)).stories, [
    {
      id: 'story-b',
      title: 'Record rain floods Valencia',
      articles: ['a', 'b'],
      first_seen: '2024-10-29T10:00:00Z',
      last_seen: '2024-10-30T10:00:00Z',
      sources: [],
      article_count: 2,
    },
  ]);
  assert.equal((await storyTimeline(index, 'story-b'))?.timeline[0]?.articleId, 'a');
  assert.equal(await storyTimeline(index, 'nope'), undefined);
});

test("a site's name and section in titles do not pull its articles on another event into its story", async () => {
  const index = new MemoryStoryIndex();
  const furniture = ' \u00ab War in Ukraine | Censor.NET';
  const day = '2022-04-0';
  const bucha = [
    'Bodies of civilians found in Bucha after Russian withdrawal',
    'Bucha mayor describes mass graves of civilians',
    'Investigators document killings of civilians in Bucha',
  ];
  for (const [i, title] of bucha.entries())
    await assignStory(
      {
        id: `b${i}`,
        title: `${title}${furniture}`,
        text: `${title}. Residents of Bucha spoke to investigators.`,
        published: `${day}${i + 3}T10:00:00Z`,
      },
      index,
    );
  const kramatorsk = await assignStory(
    {
      id: 'k',
      title: `Missile hits Kramatorsk railway station${furniture}`,
      text: 'Missile hits Kramatorsk railway station as families wait for evacuation trains.',
      published: `${day}8T10:00:00Z`,
    },
    index,
  );
  assert.equal(kramatorsk.opened, true);
  const sameSite = await assignStory(
    {
      id: 'b3',
      title: `Bucha residents bury civilians${furniture}`,
      text: 'Bucha residents bury civilians killed during the occupation.',
      published: `${day}8T11:00:00Z`,
    },
    index,
  );
  assert.equal(sameSite.storyId, 'story-b0');
});
