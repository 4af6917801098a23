import type { StoryHeader, StoryMember, StoryRecord } from '../stories/story-index.js';

/**
 * Rows of the story tables as both backends read them, and their mapping to the stage's records.
 * `sources` is decoded by the backend (JSON text in SQLite, jsonb in PostgreSQL); the centroid is
 * JSON text in both.
 */
export interface StoryHeaderRow {
  id: string;
  title: string;
  first_seen: string | null;
  last_seen: string | null;
  article_count: number;
  version: string;
}

export interface StoryMemberRow {
  article_id: string;
  story_id: string;
  published: string | null;
  title: string | null;
  source: string | null;
  similarity: number;
  /** Migration 160; '' for members saved before it. */
  sort_key?: string | null;
}

export const toStoryHeader = (row: StoryHeaderRow, sources: readonly string[]): StoryHeader => ({
  id: row.id,
  title: row.title,
  ...(row.first_seen === null ? {} : { firstSeen: row.first_seen }),
  ...(row.last_seen === null ? {} : { lastSeen: row.last_seen }),
  articleCount: row.article_count,
  sources,
  version: row.version,
});

export const toStoryRecord = (
  row: StoryHeaderRow & { centroid: string },
  sources: readonly string[],
): StoryRecord => ({
  ...toStoryHeader(row, sources),
  centroid: new Map(JSON.parse(row.centroid) as [string, number][]),
});

export const toStoryMember = (row: StoryMemberRow): StoryMember => ({
  articleId: row.article_id,
  storyId: row.story_id,
  ...(row.published === null ? {} : { published: row.published }),
  ...(row.title === null ? {} : { title: row.title }),
  ...(row.source === null ? {} : { source: row.source }),
  similarity: row.similarity,
  ...(row.sort_key ? { order: row.sort_key } : {}),
});
