import type { StoryIndex, StoryMember } from './story-index.js';

/** One story as `sitrep stories --json` prints it. */
export interface StoryListing {
  readonly id: string;
  readonly title: string;
  readonly articles: string[];
  readonly first_seen: string | null;
  readonly last_seen: string | null;
  readonly sources: readonly string[];
  readonly article_count: number;
}

/** `{"stories":[...]}`, most recently seen first; article ids in timeline order. */
export const listStories = async (index: StoryIndex): Promise<{ stories: StoryListing[] }> => {
  const stories: StoryListing[] = [];
  for (const story of await index.listStories()) {
    const members = await index.listMembers(story.id);
    stories.push({
      id: story.id,
      title: story.title,
      articles: members.map((m) => m.articleId),
      first_seen: story.firstSeen ?? null,
      last_seen: story.lastSeen ?? null,
      sources: story.sources,
      article_count: story.articleCount,
    });
  }
  return { stories };
};

/** `sitrep story <id>`: the story's articles by publication time, or undefined for an unknown id. */
export const storyTimeline = async (
  index: StoryIndex,
  storyId: string,
): Promise<{ id: string; title: string; timeline: StoryMember[] } | undefined> => {
  const story = await index.getStory(storyId);
  if (!story) return undefined;
  return { id: story.id, title: story.title, timeline: await index.listMembers(storyId) };
};
