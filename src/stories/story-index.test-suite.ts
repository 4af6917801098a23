/** Contract suite for StoryIndex implementations, driven through assignStory (in memory and SQLite). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assignStory } from './assign-story.js';
import type { StoryInput } from './assign-story.js';
import { settleStories } from './settle-stories.js';
import { storyHeadersOf } from './story-headers.js';
import type { StoryIndex } from './story-index.js';
import { storyOptions } from './story-options.js';
import { storyOrderKey } from './story-order.js';

const QUAKE = [
  {
    title: 'Strong earthquake strikes eastern Turkey, buildings collapse in Malatya',
    text: 'A strong earthquake struck eastern Turkey on Monday, collapsing buildings in Malatya and killing at least twelve people, the disaster agency AFAD said. Rescue teams searched the rubble through the night.',
  },
  {
    title: 'Rescuers search rubble after Malatya earthquake',
    text: 'Rescue teams in Malatya pulled survivors from collapsed buildings on Tuesday as the death toll from the eastern Turkey earthquake rose to twenty, AFAD said, and aftershocks shook the region.',
  },
  {
    title: 'Turkey earthquake death toll rises as aftershocks hit Malatya',
    text: 'The death toll from the earthquake in eastern Turkey rose to thirty on Wednesday. Aftershocks hit Malatya again and thousands of people spent the night outside, AFAD and rescue workers said.',
  },
];

const SHIPYARD = {
  title: 'Navy orders four frigates from Glasgow shipyard',
  text: 'The Royal Navy ordered four new frigates from a Glasgow shipyard on Tuesday in a contract worth two billion pounds, the defence ministry said, securing hundreds of jobs on the Clyde.',
};

const BACKGROUND = [
  'Parliament debated the budget on Monday as ministers defended tax changes and opposition parties criticised spending cuts.',
  'The central bank held interest rates steady on Thursday, citing inflation that remains above its target.',
  'A football club appointed a new manager after a poor run of results left the team near the bottom of the league.',
  'Oil prices rose on Friday after producers agreed to extend output cuts into next year, traders said.',
];

const day = (n: number): string => new Date(Date.UTC(2024, 1, 5 + n, 9)).toISOString();

export const storyIndexContract = (name: string, makeIndex: () => StoryIndex): void => {
  describe(`StoryIndex contract: ${name}`, () => {
    const seed = async (index: StoryIndex): Promise<void> => {
      for (const [i, text] of BACKGROUND.entries())
        await assignStory({ id: `bg${i}`, text, published: day(-20) }, index);
    };

    test('articles about one event across days join one story with its timeline', async () => {
      const index = makeIndex();
      await seed(index);
      const outcomes = [];
      for (const [i, article] of QUAKE.entries()) {
        outcomes.push(
          await assignStory(
            { id: `q${i}`, ...article, source: `src${i % 2}`, published: day(i) },
            index,
          ),
        );
      }
      const ship = await assignStory({ id: 'ship', ...SHIPYARD, published: day(1) }, index);
      assert.equal(outcomes[0]?.opened, true);
      assert.deepEqual(
        outcomes.map((o) => o.storyId),
        ['story-q0', 'story-q0', 'story-q0'],
      );
      assert.ok((outcomes[1]?.similarity ?? 0) < 1);
      assert.notEqual(ship.storyId, 'story-q0');
      const story = await index.getStory('story-q0');
      assert.equal(story?.articleCount, 3);
      assert.equal(story?.firstSeen, day(0));
      assert.equal(story?.lastSeen, day(2));
      assert.deepEqual(story?.sources, ['src0', 'src1']);
      assert.equal(story?.title, QUAKE[0]?.title);
      assert.deepEqual(
        (await index.listMembers('story-q0')).map((m) => m.articleId),
        ['q0', 'q1', 'q2'],
      );
    });

    test('a late article published before the first takes over the title and first_seen', async () => {
      const index = makeIndex();
      await seed(index);
      await assignStory(
        { id: 'q1', ...(QUAKE[1] as { title: string; text: string }), published: day(1) },
        index,
      );
      const early = await assignStory(
        { id: 'q0', ...(QUAKE[0] as { title: string; text: string }), published: day(0) },
        index,
      );
      assert.equal(early.storyId, 'story-q1');
      const story = await index.getStory('story-q1');
      assert.equal(story?.title, QUAKE[0]?.title);
      assert.equal(story?.firstSeen, day(0));
      assert.deepEqual(
        (await index.listMembers('story-q1')).map((m) => m.articleId),
        ['q0', 'q1'],
      );
    });

    test('the same event outside the time window opens a new story', async () => {
      const index = makeIndex();
      await seed(index);
      const first = await assignStory(
        { id: 'q0', ...(QUAKE[0] as { title: string; text: string }), published: day(0) },
        index,
      );
      const later = await assignStory(
        { id: 'q1', ...(QUAKE[1] as { title: string; text: string }), published: day(60) },
        index,
      );
      assert.equal(first.opened, true);
      assert.equal(later.opened, true);
      assert.notEqual(later.storyId, first.storyId);
    });

    test('a close follow-up weeks later joins its story (reachDays); beyond reach it does not', async () => {
      const index = makeIndex();
      await seed(index);
      const quake = QUAKE[0] as { title: string; text: string };
      await assignStory({ id: 'q0', ...quake, published: day(0) }, index);
      // Fifteen days on, past the seven-day window, the same event told again.
      const followUp = await assignStory(
        { id: 'q15', title: quake.title, text: quake.text, published: day(15) },
        index,
      );
      assert.equal(followUp.storyId, 'story-q0');
      // Past the reach (21 days beyond the story's last article), even the same words open anew.
      const late = await assignStory(
        { id: 'q45', title: quake.title, text: quake.text, published: day(45) },
        index,
      );
      assert.equal(late.opened, true);
      // With the reach disabled, a follow-up past the window opens a story of its own.
      const strict = makeIndex();
      await seed(strict);
      const options = storyOptions({ reachDays: 7 });
      await assignStory({ id: 'q0', ...quake, published: day(0) }, strict, options);
      const apart = await assignStory({ id: 'q15', ...quake, published: day(15) }, strict, options);
      assert.equal(apart.opened, true);
    });

    test('assigning the same article twice changes nothing', async () => {
      const index = makeIndex();
      await seed(index);
      await assignStory(
        { id: 'q0', ...(QUAKE[0] as { title: string; text: string }), published: day(0) },
        index,
      );
      const again = await assignStory(
        { id: 'q0', ...(QUAKE[0] as { title: string; text: string }), published: day(0) },
        index,
      );
      assert.equal(again.storyId, 'story-q0');
      assert.equal((await index.getStory('story-q0'))?.articleCount, 1);
      assert.equal((await index.listStories()).length, BACKGROUND.length + 1);
    });

    test('story headers page through the list order, undated last, with a size floor', async () => {
      const index = makeIndex();
      await seed(index);
      for (const [i, article] of QUAKE.entries())
        await assignStory({ id: `q${i}`, ...article, published: day(i) }, index);
      await assignStory({ id: 'ship', ...SHIPYARD }, index);
      const all = (await index.listStories()).map((story) => story.id);
      assert.equal(all[0], 'story-q0');
      assert.equal(all[all.length - 1], 'story-ship');
      const paged: string[] = [];
      let after: readonly [string, string] | undefined;
      for (;;) {
        const page = await index.listStoryHeaders({ limit: 2, ...(after ? { after } : {}) });
        paged.push(...page.map((header) => header.id));
        const last = page[page.length - 1];
        if (!last || page.length < 2) break;
        assert.equal('centroid' in last, false);
        after = [last.lastSeen ?? '', last.id];
      }
      assert.deepEqual(paged, all);
      const big = await index.listStoryHeaders({ limit: 10, minArticles: 2 });
      assert.deepEqual(
        big.map((header) => [header.id, header.articleCount]),
        [['story-q0', 3]],
      );
    });

    test("a page's story headers: members' stories once each, none for articles in no story", async () => {
      const index = makeIndex();
      const story = (id: string, articleCount: number) => ({
        id,
        title: `Story ${id}`,
        firstSeen: day(0),
        lastSeen: day(articleCount),
        articleCount,
        sources: ['bbc', 'reuters'],
        centroid: new Map([[id, 1]]),
        version: 'test',
      });
      await index.saveStory(story('s1', 2), ['s1']);
      await index.saveStory(story('s2', 1), ['s2']);
      const member = (articleId: string, storyId: string) => ({
        articleId,
        storyId,
        similarity: 1,
      });
      await index.addMember(member('a1', 's1'));
      await index.addMember(member('a2', 's1'));
      await index.addMember(member('b1', 's2'));
      const headers = await storyHeadersOf(index, ['a1', 'none', 'b1', 'a2', 'a1']);
      const { centroid: _one, ...s1 } = story('s1', 2);
      const { centroid: _two, ...s2 } = story('s2', 1);
      assert.deepEqual(
        [...headers].sort(([a], [b]) => (a < b ? -1 : 1)),
        [
          ['a1', s1],
          ['a2', s1],
          ['b1', s2],
        ],
      );
      assert.deepEqual(await storyHeadersOf(index, []), new Map());
    });

    test('a lookup reads only the newest stories of each term', async () => {
      const index = makeIndex();
      const story = (id: string) => ({
        id,
        title: id,
        articleCount: 1,
        sources: [],
        centroid: new Map([['shared', 1]]),
        version: 'test',
      });
      for (const id of ['story-c', 'story-a', 'story-b']) {
        await index.addDocument(['shared']);
        await index.saveStory(story(id), ['shared', id]);
      }
      const ids = async (terms: string[], perTerm?: number) =>
        (await index.findStoriesByTerms(terms, 10, perTerm)).map((c) => c.storyId);
      assert.deepEqual(await ids(['shared']), ['story-a', 'story-b', 'story-c']);
      assert.deepEqual(await ids(['shared'], 2), ['story-a', 'story-b']);
      // Saving again makes a story the newest of its terms.
      await index.addDocument(['shared']);
      await index.saveStory(story('story-c'), ['shared', 'story-c']);
      assert.deepEqual(await ids(['shared'], 1), ['story-c']);
      assert.deepEqual(await ids(['shared', 'story-a'], 1), ['story-a', 'story-c']);
    });

    test('a late article re-settles the stories after it: same stories, counts and order as in order', async () => {
      const inputs: StoryInput[] = [
        ...BACKGROUND.map((text, i) => ({ id: `bg${i}`, text, published: day(-20 + i) })),
        ...QUAKE.map((article, i) => ({ id: `q${i}`, ...article, published: day(i) })),
        { id: 'ship', ...SHIPYARD, published: day(1) },
      ].map((input) => ({ ...input, order: storyOrderKey(input.published, undefined, input.id) }));
      const byId = new Map(inputs.map((input) => [input.id, input]));
      const load = async (members: readonly { articleId: string }[]) =>
        members.map((member) => byId.get(member.articleId) as StoryInput);
      const snapshot = async (index: StoryIndex) => ({
        members: await Promise.all(
          (await index.listStories()).map(async (story) =>
            (await index.listMembers(story.id)).map((m) => [m.articleId, m.storyId, m.order]),
          ),
        ),
        frequencies: await index.documentFrequencies(['malatya', 'frigate', 'budget', 'nothing']),
      });
      const inOrder = makeIndex();
      await settleStories(inputs, inOrder, load);
      const late = makeIndex();
      // The newest first, then everything before it: the second batch re-settles the first.
      await settleStories(inputs.slice(-3), late, load);
      assert.equal(await late.lastOrder(), inputs.find((input) => input.id === 'q2')?.order);
      assert.ok((await late.storiesReaching(inputs[5]?.order ?? '')).length > 0);
      const outcome = await settleStories(inputs, late, load);
      assert.equal(outcome.resettled, 3);
      assert.deepEqual(await snapshot(late), await snapshot(inOrder));
      assert.equal((await late.membersFrom(inputs[4]?.order ?? '')).length, 4);
      await late.dropStories((await late.listStories()).map((story) => story.id));
      assert.deepEqual(await late.listStories(), []);
      assert.equal(await late.getMembership('q0'), undefined);
    });

    test('held articles are listed in canonical order until released (when the index holds)', async (t) => {
      const index = makeIndex();
      // Test harnesses may wrap an index in a proxy that offers every method: ask, then check.
      const before = index.listHeld ? await index.listHeld() : undefined;
      if (!Array.isArray(before) || !index.holdArticles || !index.releaseHeld || !index.listHeld)
        return t.skip('this index does not hold articles');
      assert.deepEqual(before, []);
      await index.holdArticles([
        { articleId: 'b', order: '~|x|b' },
        { articleId: 'a', order: '2024-01-01|x|a' },
        { articleId: 'c', order: '~|x|c' },
      ]);
      await index.holdArticles([{ articleId: 'a', order: '2024-01-01|x|a' }]);
      assert.deepEqual(
        (await index.listHeld()).map((held) => held.articleId),
        ['a', 'b', 'c'],
      );
      await index.releaseHeld(['a', 'c']);
      assert.deepEqual(await index.listHeld(), [{ articleId: 'b', order: '~|x|b' }]);
    });
  });
};
