import type { StoryHeader, StoryIndex } from './story-index.js';

/**
 * The story of each article that is in one (headers only), by a membership read per article and
 * a story read per distinct story: what an index without a one-statement `storyHeadersOf` offers.
 */
export const storyHeadersOneByOne = async (
  index: Pick<StoryIndex, 'getMembership' | 'getStory'>,
  articleIds: readonly string[],
): Promise<Map<string, StoryHeader>> => {
  const stories = new Map<string, StoryHeader | undefined>();
  const byArticle = new Map<string, StoryHeader>();
  for (const articleId of articleIds) {
    const member = await index.getMembership(articleId);
    if (!member) continue;
    if (!stories.has(member.storyId)) {
      const story = await index.getStory(member.storyId);
      if (!story) stories.set(member.storyId, undefined);
      else {
        const { centroid: _centroid, ...header } = story;
        stories.set(member.storyId, header);
      }
    }
    const header = stories.get(member.storyId);
    if (header) byArticle.set(articleId, header);
  }
  return byArticle;
};

/** The story headers of a result page's articles, in one read when the index can. */
export const storyHeadersOf = (
  index: StoryIndex,
  articleIds: readonly string[],
): Promise<Map<string, StoryHeader>> =>
  index.storyHeadersOf ? index.storyHeadersOf(articleIds) : storyHeadersOneByOne(index, articleIds);
