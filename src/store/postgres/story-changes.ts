import type pg from 'pg';
import type { StoryRecord } from '../../stories/story-index.js';
import { TermSpace, type FetchFrequencies } from '../../stories/term-space.js';
import type { Statement } from './inline-parameters.js';

/**
 * Migration 305: a log of what each organising transaction changed in the story tables (the terms
 * whose document counts moved, the stories saved, moved or dropped), one row per commit, numbered
 * in commit order under the story lock. A worker keeps the term counts and parsed stories it has
 * read across its transactions and, when it next takes the lock, reads only the log rows after
 * the last one it knows: per article it re-reads the ~250 counts another worker moved instead of
 * the ~5,000 counts and ~20 centroids (~250 KB of JSON, parsed on the server and in the worker) of
 * its candidate stories, all of it while every other worker waits for the lock (bench/workers.ts).
 */
export const POSTGRES_STORY_CHANGES_SQL = `
CREATE TABLE story_changes (
  version bigint PRIMARY KEY,
  terms text[] NOT NULL,
  stories text[] NOT NULL,
  documents integer NOT NULL,
  forget boolean NOT NULL DEFAULT false
);
`;

/**
 * Log rows kept: a worker that has not organised for this many commits of others reads everything
 * afresh (its first transaction after a pause costs what every transaction cost before).
 */
export const STORY_CHANGES_KEPT = 2_000;

/** Parsed stories kept per process (a story of 400 centroid terms is ~25 KB parsed). */
const STORIES_KEPT = 1_000;

/** The corpus size, the log's newest number and its rows after `version`. */
export const changesRead = (version: number): Statement[] => [
  [
    `SELECT (SELECT documents::bigint FROM story_corpus WHERE id = 1) AS documents,
            max(version) AS newest FROM story_changes`,
    [],
  ],
  [
    `SELECT c.version, c.documents, c.forget, c.stories, c.terms,
            (SELECT coalesce(json_agg(json_build_array(f.term, f.documents)), '[]')
               FROM story_term_frequencies f WHERE f.term = ANY (c.terms)) AS counts
       FROM story_changes c WHERE c.version > $1 ORDER BY c.version`,
    [version],
  ],
];

/** The log row of a commit: written with the commit, numbered after the newest one. */
export const changeWrite = (
  version: number,
  terms: readonly string[],
  stories: readonly string[],
  documents: number,
  forget: boolean,
): Statement => [
  `WITH pruned AS (DELETE FROM story_changes WHERE version <= $1::bigint - ${STORY_CHANGES_KEPT})
   INSERT INTO story_changes (version, terms, stories, documents, forget) VALUES ($1, $2, $3, $4, $5)`,
  [version, [...terms], [...stories], documents, forget],
];

/**
 * A change made outside an organising transaction (tests, lone calls): logged as "forget all", so
 * every worker reads afresh; numbered under the story lock like any commit.
 */
export const FORGET_ALL_SQL = `INSERT INTO story_changes (version, terms, stories, documents, forget)
  SELECT coalesce(max(version), 0) + 1, '{}', '{}', 0, true FROM story_changes`;

interface ChangeRow {
  version: string;
  documents: number;
  forget: boolean;
  stories: string[];
  terms: string[];
  counts: [string, number][];
}

/**
 * What one process knows of the story tables as of log version `version`: document frequencies (in
 * the TermSpace that assignStory scores in) and parsed stories. Exact: brought up to date from the
 * log at the start of each organising transaction (sync), updated by the process' own writes in it,
 * and dropped whole when the log cannot tell what moved (a forget row, a gap, a rollback).
 */
export class ProcessStoryCache {
  /** Log version this cache agrees with; -1: nothing known. */
  version = -1;
  /** Corpus size at `version`. */
  private documents = -1;
  readonly termSpace: TermSpace;
  private readonly stories = new Map<string, StoryRecord>();

  constructor(fetch: FetchFrequencies) {
    this.termSpace = new TermSpace(fetch);
  }

  /**
   * Applies the log rows read by changesRead(this.version) (under the story lock); returns the
   * stored corpus size and the newest version, which this transaction's commit follows.
   */
  sync(results: readonly pg.QueryResult[]): { documents: number; newest: number } {
    const head = results[0]?.rows[0] as
      { documents: string | null; newest: string | null } | undefined;
    const documents = Number(head?.documents ?? 0);
    const newest = Number(head?.newest ?? 0);
    const rows = (results[1]?.rows ?? []) as ChangeRow[];
    const counted = rows.reduce((sum, row) => sum + row.documents, 0);
    // Whole: every commit since ours is in the log (numbers are consecutive; pruned ones are not),
    // none asks to forget, and their counts add up to the stored corpus size.
    const whole =
      this.version >= 0 &&
      rows.length === newest - this.version &&
      (rows.length === 0 || Number(rows[0]?.version) === this.version + 1) &&
      !rows.some((row) => row.forget) &&
      this.documents + counted === documents;
    if (!whole) {
      this.termSpace.forget(documents);
      this.stories.clear();
    } else {
      const changed = new Map<string, number>();
      for (const row of rows) {
        // A term no longer counted (taken back by a re-settle) has no row left: 0.
        for (const term of row.terms) changed.set(term, 0);
        for (const [term, count] of row.counts) changed.set(term, count);
        for (const id of row.stories) this.stories.delete(id);
      }
      this.termSpace.adopt(documents, changed);
    }
    this.version = newest;
    this.documents = documents;
    return { documents, newest };
  }

  story(id: string): StoryRecord | undefined {
    const story = this.stories.get(id);
    if (story) {
      // Most recently used last: the oldest go first when over the bound.
      this.stories.delete(id);
      this.stories.set(id, story);
    }
    return story;
  }

  storyIds(): string[] {
    return [...this.stories.keys()];
  }

  /** After a commit: the state as of `version`, with the transaction's stories. */
  committed(
    version: number,
    documents: number,
    stories: ReadonlyMap<string, StoryRecord | null>,
  ): void {
    for (const [id, story] of stories) {
      this.stories.delete(id);
      if (story) this.stories.set(id, story);
    }
    for (const id of this.stories.keys()) {
      if (this.stories.size <= STORIES_KEPT) break;
      this.stories.delete(id);
    }
    this.version = version;
    this.documents = documents;
  }

  /** After a rollback, or a commit whose version is unknown: nothing is trusted. */
  reset(): void {
    this.version = -1;
    this.documents = -1;
    this.termSpace.forget();
    this.stories.clear();
  }
}
