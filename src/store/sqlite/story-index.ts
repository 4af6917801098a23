import type Database from 'better-sqlite3';
import type {
  HeldArticle,
  StoryCandidate,
  StoryHeader,
  StoryHeaderQuery,
  StoryIndex,
  StoryMember,
  StoryRecord,
  StorySpan,
} from '../../stories/story-index.js';
import { DEFAULT_POSTINGS_PER_TERM } from '../../stories/story-options.js';
import { compareMembersByTime, compareStoriesForList } from '../../stories/story-order.js';
import { toStoryHeader, toStoryMember, toStoryRecord } from '../story-rows.js';
import { PendingStories, type Posting } from './pending-stories.js';
import type { StoryHeaderRow, StoryMemberRow } from '../story-rows.js';

/** Tables of incremental story clustering, for the append-only migrations. */
export const STORY_SCHEMA_SQL = `
CREATE TABLE story_corpus (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  documents INTEGER NOT NULL
);
CREATE TABLE story_term_frequencies (
  term TEXT PRIMARY KEY,
  documents INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  first_seen TEXT,
  last_seen TEXT,
  article_count INTEGER NOT NULL,
  sources TEXT NOT NULL,
  centroid TEXT NOT NULL,
  version TEXT NOT NULL
);
CREATE TABLE story_lookup_terms (
  term TEXT NOT NULL,
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX story_lookup_terms_story ON story_lookup_terms(story_id);
CREATE TABLE story_members (
  article_id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL,
  published TEXT,
  title TEXT,
  source TEXT,
  similarity REAL NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);
`;

/**
 * Migration 130: when each lookup term was last saved for its story (the corpus' document count
 * then), so a lookup reads a term's newest stories only and its cost does not grow with the archive.
 */
export const STORY_RECENT_POSTINGS_SQL = `
ALTER TABLE story_lookup_terms ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX story_lookup_terms_recent ON story_lookup_terms(term, seq DESC, story_id);
`;

/**
 * Migration 160: each member's place in the canonical clustering order (storyOrderKey), so a late
 * article re-settles only the stories after it (settle-stories.ts). Older members get '' (first).
 */
export const STORY_ORDER_SQL = `
ALTER TABLE story_members ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
CREATE INDEX story_members_order ON story_members(sort_key, story_id);
`;

/**
 * Migration 170: articles a run took out of their stories to cluster them again once, at its end
 * (deferred-settle.ts); a run killed before then leaves them here for the next one.
 */
export const STORY_HELD_SQL = `
CREATE TABLE story_held (
  article_id TEXT PRIMARY KEY,
  sort_key TEXT NOT NULL
) WITHOUT ROWID;
`;

type StoryRow = StoryHeaderRow & { sources: string; centroid: string };
type MemberRow = StoryMemberRow;

const toHeader = (row: Omit<StoryRow, 'centroid'>): StoryHeader =>
  toStoryHeader(row, JSON.parse(row.sources) as string[]);
const toStory = (row: StoryRow): StoryRecord =>
  toStoryRecord(row, JSON.parse(row.sources) as string[]);
const toMember = toStoryMember;

/** StoryIndex on the store's SQLite database; the tables come from STORY_SCHEMA_SQL. */
export class SqliteStoryIndex implements StoryIndex {
  private readonly statements;
  private readonly addDocumentTx;
  private readonly flushTx;
  /** Counts addDocument kept back in the open transaction (see addDocument). */
  private readonly pendingTerms = new Map<string, number>();
  private pendingDocuments = 0;
  private readonly pendingStories = new PendingStories();
  private readonly saveStoryTx;
  private readonly moveTx;
  private readonly removeDocumentTx;
  private readonly dropTx;
  private readonly holdTx;
  private readonly releaseTx;

  constructor(private readonly db: Database.Database) {
    const s = {
      documents: db.prepare<[], { documents: number }>(
        'SELECT documents FROM story_corpus WHERE id = 1',
      ),
      countDocument: db.prepare(
        'INSERT INTO story_corpus (id, documents) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET documents = documents + 1',
      ),
      // One query for a whole term list instead of a statement per term: an article brings hundreds
      // of terms and its candidate stories' centroids thousands (measured: 2.1 s -> 1.3 s of this
      // function over 300 BBC articles).
      frequencies: db.prepare<[string], { term: string; documents: number }>(
        `SELECT term, documents FROM story_term_frequencies
          WHERE term IN (SELECT value FROM json_each(?))`,
      ),
      countDocuments: db.prepare<[number]>(
        `INSERT INTO story_corpus (id, documents) VALUES (1, ?)
         ON CONFLICT (id) DO UPDATE SET documents = documents + excluded.documents`,
      ),
      countTerm: db.prepare<[string, number]>(
        `INSERT INTO story_term_frequencies (term, documents) VALUES (?, ?)
         ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents`,
      ),
      storiesByTerm: db.prepare<[string, number], Posting>(
        `SELECT story_id, seq FROM story_lookup_terms WHERE term = ?
          ORDER BY seq DESC, story_id LIMIT ?`,
      ),
      story: db.prepare<[string], StoryRow>('SELECT * FROM stories WHERE id = ?'),
      upsertStory: db.prepare<
        [string, string, string | null, string | null, number, string, string, string]
      >(
        `INSERT INTO stories (id, title, first_seen, last_seen, article_count, sources, centroid, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen,
           last_seen = excluded.last_seen, article_count = excluded.article_count, sources = excluded.sources,
           centroid = excluded.centroid, version = excluded.version`,
      ),
      deleteLookup: db.prepare<[string]>('DELETE FROM story_lookup_terms WHERE story_id = ?'),
      // A story saved again keeps most of its lookup terms: those rows only get the new seq (one
      // index entry moves) instead of being deleted and inserted again in three b-trees.
      lookupOf: db
        .prepare<[string], string>('SELECT term FROM story_lookup_terms WHERE story_id = ?')
        .pluck(),
      dropLookup: db.prepare<[string, string]>(
        'DELETE FROM story_lookup_terms WHERE term = ? AND story_id = ?',
      ),
      restampLookup: db.prepare<[number, string, string]>(
        'UPDATE story_lookup_terms SET seq = ? WHERE term = ? AND story_id = ?',
      ),
      insertLookup: db.prepare<[string, string, number]>(
        'INSERT OR IGNORE INTO story_lookup_terms (term, story_id, seq) VALUES (?, ?, ?)',
      ),
      insertMember: db.prepare<
        [string, string, string | null, string | null, string | null, number, string]
      >(
        `INSERT OR IGNORE INTO story_members (article_id, story_id, published, title, source, similarity, sort_key)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      uncountDocument: db.prepare(
        'UPDATE story_corpus SET documents = max(documents - 1, 0) WHERE id = 1',
      ),
      uncountTerm: db.prepare<[string]>(
        'UPDATE story_term_frequencies SET documents = documents - 1 WHERE term = ?',
      ),
      // A term no article holds any more has no row, as in a store that never counted it.
      dropTerm: db.prepare<[string]>(
        'DELETE FROM story_term_frequencies WHERE term = ? AND documents <= 0',
      ),
      lastOrder: db.prepare<[], { last: string | null }>(
        "SELECT max(sort_key) AS last FROM story_members WHERE sort_key > ''",
      ),
      reaching: db.prepare<[string], { story_id: string; first: string }>(
        `SELECT story_id, min(sort_key) AS first FROM story_members
          WHERE story_id IN (SELECT story_id FROM story_members WHERE sort_key >= ?)
          GROUP BY story_id`,
      ),
      membersFrom: db.prepare<[string], MemberRow>(
        'SELECT * FROM story_members WHERE sort_key >= ? ORDER BY sort_key, article_id',
      ),
      deleteMembers: db.prepare<[string]>('DELETE FROM story_members WHERE story_id = ?'),
      moveMembers: db.prepare<[string, string]>(
        'UPDATE story_members SET story_id = ? WHERE story_id = ?',
      ),
      deleteStory: db.prepare<[string]>('DELETE FROM stories WHERE id = ?'),
      membership: db.prepare<[string], MemberRow>(
        'SELECT * FROM story_members WHERE article_id = ?',
      ),
      members: db.prepare<[string], MemberRow>('SELECT * FROM story_members WHERE story_id = ?'),
      allStories: db.prepare<[], StoryRow>('SELECT * FROM stories'),
      hold: db.prepare<[string, string]>(
        'INSERT OR REPLACE INTO story_held (article_id, sort_key) VALUES (?, ?)',
      ),
      held: db.prepare<[], { article_id: string; sort_key: string }>(
        'SELECT article_id, sort_key FROM story_held ORDER BY sort_key, article_id',
      ),
      release: db.prepare<[string]>('DELETE FROM story_held WHERE article_id = ?'),
      // The cursor test repeats the ORDER BY key so the stories_list_order index serves both.
      headers: db.prepare<
        { after: number; lastSeen: string; id: string; minArticles: number; limit: number },
        Omit<StoryRow, 'centroid'>
      >(
        `SELECT id, title, first_seen, last_seen, article_count, sources, version FROM stories
          WHERE article_count >= :minArticles
            AND (:after = 0 OR coalesce(last_seen, '') < :lastSeen
                 OR (coalesce(last_seen, '') = :lastSeen AND id > :id))
          ORDER BY coalesce(last_seen, '') DESC, id ASC
          LIMIT :limit`,
      ),
    };
    this.statements = s;
    this.addDocumentTx = db.transaction((terms: readonly string[]) => {
      s.countDocument.run();
      for (const term of new Set(terms)) s.countTerm.run(term, 1);
    });
    this.flushTx = db.transaction(() => {
      s.countDocuments.run(this.pendingDocuments);
      for (const [term, count] of this.pendingTerms) s.countTerm.run(term, count);
    });
    this.saveStoryTx = db.transaction(
      (story: StoryRecord, lookupTerms: readonly string[], seq: number) => {
        s.upsertStory.run(
          story.id,
          story.title,
          story.firstSeen ?? null,
          story.lastSeen ?? null,
          story.articleCount,
          JSON.stringify(story.sources),
          JSON.stringify([...story.centroid.entries()]),
          story.version,
        );
        const was = new Set(s.lookupOf.all(story.id));
        const now = new Set(lookupTerms);
        for (const term of was) if (!now.has(term)) s.dropLookup.run(term, story.id);
        for (const term of now)
          if (was.has(term)) s.restampLookup.run(seq, term, story.id);
          else s.insertLookup.run(term, story.id, seq);
      },
    );
    this.removeDocumentTx = db.transaction((terms: readonly string[]) => {
      s.uncountDocument.run();
      for (const term of new Set(terms)) {
        s.uncountTerm.run(term);
        s.dropTerm.run(term);
      }
    });
    this.dropTx = db.transaction((storyIds: readonly string[]) => {
      for (const storyId of storyIds) {
        s.deleteMembers.run(storyId);
        s.deleteLookup.run(storyId);
        s.deleteStory.run(storyId);
      }
    });
    this.holdTx = db.transaction((articles: readonly HeldArticle[]) => {
      for (const article of articles) s.hold.run(article.articleId, article.order);
    });
    this.releaseTx = db.transaction((articleIds: readonly string[]) => {
      for (const articleId of articleIds) s.release.run(articleId);
    });
    this.moveTx = db.transaction((fromId: string, intoId: string) => {
      s.moveMembers.run(intoId, fromId);
      s.deleteLookup.run(fromId);
      s.deleteStory.run(fromId);
    });
  }

  private documentCount(): number {
    return (this.statements.documents.get()?.documents ?? 0) + this.pendingDocuments;
  }

  async documentFrequencies(terms: readonly string[]) {
    const documents = this.documentCount();
    const frequencies = new Map<string, number>(terms.map((term) => [term, 0]));
    // The story cache asks with no terms, per candidate story, only to learn the document count.
    if (terms.length === 0) return { documents, frequencies };
    for (const row of this.statements.frequencies.all(JSON.stringify(terms)))
      frequencies.set(row.term, row.documents);
    if (this.pendingTerms.size > 0)
      for (const term of terms) {
        const pending = this.pendingTerms.get(term);
        if (pending !== undefined) frequencies.set(term, (frequencies.get(term) ?? 0) + pending);
      }
    return { documents, frequencies };
  }

  /**
   * In a transaction the counts are kept here and written once per term at its end (flush, which
   * the store calls before committing): a batch counts the same words hundreds of times, and an
   * upsert per article and term was a tenth of story assignment. Outside one, they are written
   * at once. Reads here add what is kept back, so nothing reads a count that is not current.
   */
  async addDocument(terms: readonly string[]): Promise<void> {
    if (!this.db.inTransaction) {
      this.addDocumentTx(terms);
      return;
    }
    this.pendingDocuments += 1;
    for (const term of new Set(terms))
      this.pendingTerms.set(term, (this.pendingTerms.get(term) ?? 0) + 1);
  }

  /**
   * Writes what addDocument and saveStory kept back, in the open transaction (the store calls it
   * before committing; reads that need the tables themselves call it first).
   */
  flush(): void {
    for (const save of this.pendingStories.take())
      this.saveStoryTx(save.story, save.lookupTerms, save.seq);
    if (this.pendingDocuments === 0) return;
    this.flushTx();
    this.pendingDocuments = 0;
    this.pendingTerms.clear();
  }

  /** Forgets what was kept back (its transaction rolled back). */
  discard(): void {
    this.pendingDocuments = 0;
    this.pendingTerms.clear();
    this.pendingStories.clear();
  }

  async removeDocument(terms: readonly string[]): Promise<void> {
    this.flush();
    this.removeDocumentTx(terms);
  }

  async lastOrder(): Promise<string | undefined> {
    return this.statements.lastOrder.get()?.last ?? undefined;
  }

  async storiesReaching(order: string): Promise<StorySpan[]> {
    return this.statements.reaching
      .all(order)
      .map((row) => ({ storyId: row.story_id, firstOrder: row.first }));
  }

  async membersFrom(order: string): Promise<StoryMember[]> {
    return this.statements.membersFrom.all(order).map(toMember);
  }

  async dropStories(storyIds: readonly string[]): Promise<void> {
    this.flush();
    this.dropTx(storyIds);
  }

  async findStoriesByTerms(
    terms: readonly string[],
    limit: number,
    perTerm = DEFAULT_POSTINGS_PER_TERM,
  ): Promise<StoryCandidate[]> {
    const shared = new Map<string, number>();
    for (const term of new Set(terms)) {
      const pending = this.pendingStories;
      const rows = this.statements.storiesByTerm.all(term, perTerm + pending.staleFor(term));
      for (const row of pending.postings(term, rows, perTerm))
        shared.set(row.story_id, (shared.get(row.story_id) ?? 0) + 1);
    }
    return [...shared.entries()]
      .map(([storyId, sharedTerms]) => ({ storyId, sharedTerms }))
      .sort((a, b) => b.sharedTerms - a.sharedTerms || (a.storyId < b.storyId ? -1 : 1))
      .slice(0, limit);
  }

  async getStory(storyId: string): Promise<StoryRecord | undefined> {
    const pending = this.pendingStories.story(storyId);
    if (pending) return pending;
    const row = this.statements.story.get(storyId);
    return row ? toStory(row) : undefined;
  }

  async saveStory(story: StoryRecord, lookupTerms: readonly string[]): Promise<void> {
    // In a transaction, kept back until it commits (pending-stories.ts); written at once outside.
    if (this.db.inTransaction)
      this.pendingStories.save(story, lookupTerms, this.documentCount(), () =>
        this.statements.lookupOf.all(story.id),
      );
    else this.saveStoryTx(story, lookupTerms, this.documentCount());
  }

  async addMember(member: StoryMember): Promise<void> {
    this.statements.insertMember.run(
      member.articleId,
      member.storyId,
      member.published ?? null,
      member.title ?? null,
      member.source ?? null,
      member.similarity,
      member.order ?? '',
    );
  }

  async moveMembers(fromId: string, intoId: string): Promise<void> {
    // Its rows go now (moveTx): a save of it kept back is not written.
    this.pendingStories.drop(fromId);
    this.moveTx(fromId, intoId);
  }

  async getMembership(articleId: string): Promise<StoryMember | undefined> {
    const row = this.statements.membership.get(articleId);
    return row ? toMember(row) : undefined;
  }

  async listMembers(storyId: string): Promise<StoryMember[]> {
    return this.statements.members.all(storyId).map(toMember).sort(compareMembersByTime);
  }

  async listStories(): Promise<StoryRecord[]> {
    this.flush();
    return this.statements.allStories.all().map(toStory).sort(compareStoriesForList);
  }

  async listStoryHeaders(query: StoryHeaderQuery): Promise<StoryHeader[]> {
    this.flush();
    return this.statements.headers
      .all({
        after: query.after ? 1 : 0,
        lastSeen: query.after?.[0] ?? '',
        id: query.after?.[1] ?? '',
        minArticles: query.minArticles ?? 0,
        limit: query.limit,
      })
      .map(toHeader);
  }

  async holdArticles(articles: readonly HeldArticle[]): Promise<void> {
    this.holdTx(articles);
  }

  async listHeld(): Promise<HeldArticle[]> {
    return this.statements.held
      .all()
      .map((row) => ({ articleId: row.article_id, order: row.sort_key }));
  }

  async releaseHeld(articleIds: readonly string[]): Promise<void> {
    this.releaseTx(articleIds);
  }
}
