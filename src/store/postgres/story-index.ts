import type pg from 'pg';
import type {
  StoryCandidate,
  StoryHeader,
  StoryHeaderQuery,
  StoryIndex,
  StoryMember,
  StoryRecord,
  StorySpan,
} from '../../stories/story-index.js';
import { storyHeadersOneByOne } from '../../stories/story-headers.js';
import { DEFAULT_POSTINGS_PER_TERM } from '../../stories/story-options.js';
import { compareMembersByTime, compareStoriesForList } from '../../stories/story-order.js';
import { toStoryHeader, toStoryMember, toStoryRecord } from '../story-rows.js';
import type { StoryHeaderRow, StoryMemberRow } from '../story-rows.js';
import { pgJson, pgOptionalText, pgText } from './article-row.js';
import type { Statement } from './inline-parameters.js';
import type { OrganiseTransaction, RunState } from './organise-transaction.js';
import { changesRead, changeWrite, ProcessStoryCache } from './story-changes.js';
import type { TermSpace } from '../../stories/term-space.js';

/**
 * Tables of incremental story clustering (migration 21), the counterpart of the SQLite ones. The
 * centroid stays JSON text, byte for byte what SQLite holds: it is only read back whole, never
 * queried, and text keeps every weight's digits (and makes `sitrep migrate` a plain copy). Titles
 * and sources pass pgText like the articles' (PostgreSQL text cannot hold U+0000).
 */
export const POSTGRES_STORY_SCHEMA_SQL = `
CREATE TABLE story_corpus (
  id integer PRIMARY KEY CHECK (id = 1),
  documents bigint NOT NULL
);
CREATE TABLE story_term_frequencies (
  term text PRIMARY KEY,
  documents integer NOT NULL
);
CREATE TABLE stories (
  id text PRIMARY KEY,
  title text NOT NULL,
  first_seen text,
  last_seen text,
  article_count integer NOT NULL,
  sources jsonb NOT NULL,
  centroid text NOT NULL,
  version text NOT NULL
);
CREATE TABLE story_lookup_terms (
  term text NOT NULL,
  story_id text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  PRIMARY KEY (term, story_id)
);
CREATE INDEX story_lookup_terms_story ON story_lookup_terms (story_id);
CREATE TABLE story_members (
  article_id text PRIMARY KEY,
  story_id text NOT NULL,
  published text,
  title text,
  source text,
  similarity double precision NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);
`;

/**
 * Migration 130, as in SQLite: when each lookup term was last saved for its story (the corpus'
 * document count then), so a lookup reads a term's newest stories only.
 */
export const POSTGRES_STORY_RECENT_POSTINGS_SQL = `
ALTER TABLE story_lookup_terms ADD COLUMN seq bigint NOT NULL DEFAULT 0;
CREATE INDEX story_lookup_terms_recent ON story_lookup_terms (term, seq DESC, (story_id COLLATE "C"));
`;

/**
 * Migration 160, as in SQLite: each member's place in the canonical clustering order, compared in
 * code-unit order ("C") as the stage compares it.
 */
export const POSTGRES_STORY_ORDER_SQL = `
ALTER TABLE story_members ADD COLUMN sort_key text NOT NULL DEFAULT '';
CREATE INDEX story_members_order ON story_members ((sort_key COLLATE "C"), story_id);
`;

type StoryRow = StoryHeaderRow & { sources: string[]; centroid: string };
type MemberRow = StoryMemberRow;

const toHeader = (row: Omit<StoryRow, 'centroid'>): StoryHeader => toStoryHeader(row, row.sources);
const toStory = (row: StoryRow): StoryRecord => toStoryRecord(row, row.sources);
const toMember = toStoryMember;

const STORY_COLUMNS = 'id, title, first_seen, last_seen, article_count, sources, centroid, version';
const HEADER_COLUMNS = 'id, title, first_seen, last_seen, article_count, sources, version';

/** The newest stories sharing the most of the terms $1 ($3 postings per term, $2 stories at most). */
const CANDIDATES_SQL = `candidates AS (
  SELECT story_id, count(*)::integer AS shared
    FROM unnest($1::text[]) AS wanted (term)
    CROSS JOIN LATERAL (
      SELECT story_id FROM story_lookup_terms l WHERE l.term = wanted.term
       ORDER BY l.seq DESC, l.story_id COLLATE "C" LIMIT $3) AS newest
   GROUP BY story_id
   ORDER BY shared DESC, story_id COLLATE "C" LIMIT $2)`;

const LAST_ORDER_SQL = `SELECT max(sort_key COLLATE "C") AS last FROM story_members WHERE sort_key COLLATE "C" > ''`;
/** `columns` prefixed with a table alias. */
const qualified = (alias: string, columns: string): string =>
  columns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
const MEMBER_COLUMNS = 'article_id, story_id, published, title, source, similarity, sort_key';

/** The story as reading it back would give it (texts through pgText, as they were written). */
const asStored = (story: StoryRecord): StoryRecord => ({
  ...story,
  title: pgText(story.title),
  ...(story.firstSeen === undefined ? {} : { firstSeen: pgText(story.firstSeen) }),
  ...(story.lastSeen === undefined ? {} : { lastSeen: pgText(story.lastSeen) }),
  sources: story.sources.map(pgText),
});

/** One read: the corpus row (term NULL) and every known term's count. */
const frequenciesRead = (terms: readonly string[]): Statement => [
  `SELECT NULL::text AS term, documents::integer AS documents FROM story_corpus WHERE id = 1
   UNION ALL
   SELECT term, documents FROM story_term_frequencies WHERE term = ANY ($1::text[])`,
  [[...new Set(terms)]],
];

const frequenciesOf = (
  terms: readonly string[],
  result: pg.QueryResult | undefined,
): { documents: number; frequencies: Map<string, number> } => {
  let documents = 0;
  const frequencies = new Map<string, number>(terms.map((term) => [term, 0]));
  for (const row of (result?.rows ?? []) as { term: string | null; documents: number }[]) {
    if (row.term === null) documents = row.documents;
    else frequencies.set(row.term, row.documents);
  }
  return { documents, frequencies };
};

/** Distinct, in one fixed order: concurrent counter upserts then lock rows alike and never deadlock. */
const distinctSorted = (terms: readonly string[]): string[] =>
  [...new Set(terms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * What one organising transaction has read and counted (organise-transaction.ts holds the lock that
 * makes this exact): parsed stories, term frequencies including this batch's documents, and those
 * document counts, written in one upsert just before the commit instead of one per article.
 */
class StoryRunCache implements RunState {
  /** Corpus size as stored, without `pendingDocuments`; undefined until read. */
  storedDocuments: number | undefined;
  /** The change log's newest version when this transaction read it (under the lock). */
  newest: number | undefined;
  /** Stories saved, moved or dropped here: logged for other processes' caches. */
  readonly changedStories = new Set<string>();
  /** The version this transaction's log row takes; undefined when it writes none. */
  private written: number | undefined;

  constructor(private readonly process: ProcessStoryCache) {}

  pendingDocuments = 0;
  /** Current frequency (stored + pending) of every term looked up or counted so far. */
  readonly frequencies = new Map<string, number>();
  readonly pendingTerms = new Map<string, number>();
  /** null: known not to exist. */
  readonly stories = new Map<string, StoryRecord | null>();
  /** Memberships read or written in this run; null: known to have none. */
  readonly members = new Map<string, StoryMember | null>();
  /** lastOrder as read with a membership (null: no ordered member); undefined once members change. */
  lastOrder: string | null | undefined;

  /** Takes in the change log read under the lock (changesRead). */
  adoptChanges(results: readonly pg.QueryResult[]): void {
    const { documents, newest } = this.process.sync(results);
    this.newest = newest;
    this.storedDocuments = documents;
  }

  async flush(db: OrganiseTransaction): Promise<void> {
    const terms = distinctSorted([...this.pendingTerms.keys()]);
    if (this.changedStories.size > 0 || terms.length > 0 || this.pendingDocuments !== 0) {
      if (this.newest === undefined)
        throw new Error('story changes flushed before the log was read');
      this.written = this.newest + 1;
      const [sql, params] = changeWrite(
        this.written,
        terms,
        [...this.changedStories],
        this.pendingDocuments,
        false,
      );
      await db.write(sql, [...params]);
    }
    // A re-settle takes counts back (negative pending counts): documents may net to zero.
    if (this.pendingDocuments === 0 && this.pendingTerms.size === 0) return;
    // Written with the commit (nothing in the run reads them back from the table).
    await db.write(
      `INSERT INTO story_term_frequencies (term, documents)
       SELECT * FROM unnest($1::text[], $2::integer[])
       ON CONFLICT (term) DO UPDATE SET documents = story_term_frequencies.documents + excluded.documents`,
      [terms, terms.map((term) => this.pendingTerms.get(term))],
    );
    if ([...this.pendingTerms.values()].some((count) => count < 0))
      await db.write(
        'DELETE FROM story_term_frequencies WHERE term = ANY ($1::text[]) AND documents <= 0',
        [terms],
      );
    await db.write(
      `INSERT INTO story_corpus (id, documents) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET documents = story_corpus.documents + excluded.documents`,
      [this.pendingDocuments],
    );
  }

  committed(): void {
    if (this.newest === undefined || this.storedDocuments === undefined) return;
    this.process.committed(
      this.written ?? this.newest,
      this.storedDocuments + this.pendingDocuments,
      this.stories,
    );
  }

  failed(): void {
    this.process.reset();
  }
}

/**
 * StoryIndex on the store's PostgreSQL schema (tables from POSTGRES_STORY_SCHEMA_SQL). Inside
 * PostgresStore.inTransaction (how ingest runs it) assignments are serialised across workers by an
 * advisory lock, calls share one connection, and reads are cached for the transaction
 * (StoryRunCache); outside it (`stories`, `story`) each call is its own statement or transaction,
 * and counters are atomic upserts (`documents + 1`) that lose no count beside other writers.
 */
export class PostgresStoryIndex implements StoryIndex {
  /** Stored members read back for a re-settle by this process (organiseLockStats reports it). */
  resettledMembers = 0;
  /** Counts and parsed stories kept across this process' organising transactions. */
  private readonly process: ProcessStoryCache;

  constructor(private readonly db: OrganiseTransaction) {
    this.process = new ProcessStoryCache((terms) => this.documentFrequencies(terms));
  }

  private cache(): StoryRunCache | undefined {
    return this.db.runState(this, () => new StoryRunCache(this.process));
  }

  /**
   * In an organising transaction, the process' term space (assignStory scores in it, so counts
   * known from earlier transactions are not read again); outside one, none (each call reads).
   */
  get termSpace(): TermSpace | undefined {
    return this.cache() ? this.process.termSpace : undefined;
  }

  /** The run's cache, brought up to date with the change log first (one round trip, once per run). */
  private async synced(): Promise<StoryRunCache | undefined> {
    const cache = this.cache();
    if (cache && cache.newest === undefined)
      cache.adoptChanges(await this.db.queryAll(changesRead(this.process.version)));
    return cache;
  }

  /** `work` in an organising transaction: outside one, a write takes the story lock and logs. */
  private written<T>(work: () => Promise<T>): Promise<T> {
    return this.cache() ? work() : this.db.run(work, 'stories');
  }

  async documentFrequencies(
    terms: readonly string[],
  ): Promise<{ documents: number; frequencies: Map<string, number> }> {
    const cache = await this.synced();
    if (!cache) return this.storedFrequencies(terms);
    const missing = [...new Set(terms)].filter((term) => !cache.frequencies.has(term));
    if (missing.length > 0 || cache.storedDocuments === undefined)
      this.keepFrequencies(cache, missing, await this.storedFrequencies(missing));
    return {
      documents: (cache.storedDocuments ?? 0) + cache.pendingDocuments,
      frequencies: new Map(terms.map((term) => [term, cache.frequencies.get(term) ?? 0])),
    };
  }

  private async storedFrequencies(
    terms: readonly string[],
  ): Promise<{ documents: number; frequencies: Map<string, number> }> {
    const [sql, params] = frequenciesRead(terms);
    return frequenciesOf(terms, await this.db.query(sql, [...params]));
  }

  async prefetch(articleIds: readonly string[], terms: readonly string[]): Promise<void> {
    const cache = this.cache();
    // Outside a transaction nothing is kept, so there is nothing to read ahead.
    if (!cache) return;
    const ids = [...new Set(articleIds)].filter((id) => !cache.members.has(id));
    // Counts the process knows stay known through the sync (it drops all or none of them).
    const space = this.process.termSpace;
    const missing = [...new Set(terms)].filter(
      (term) => !cache.frequencies.has(term) && space.frequency(term) === undefined,
    );
    const syncs = cache.newest === undefined;
    const readsFrequencies = missing.length > 0;
    const readsLast = cache.lastOrder === undefined;
    const statements: Statement[] = [
      ...(syncs ? changesRead(this.process.version) : []),
      [`SELECT ${MEMBER_COLUMNS} FROM story_members WHERE article_id = ANY ($1::text[])`, [ids]],
      ...(readsLast ? [[LAST_ORDER_SQL, []] as Statement] : []),
      ...(readsFrequencies ? [frequenciesRead(missing)] : []),
    ];
    const results = await this.db.queryAll(statements);
    if (syncs) cache.adoptChanges(results.splice(0, 2));
    const [members, ...rest] = results;
    const found = new Map(
      ((members?.rows ?? []) as MemberRow[]).map((row) => [row.article_id, toMember(row)]),
    );
    for (const id of ids) cache.members.set(id, found.get(id) ?? null);
    if (readsLast) cache.lastOrder = (rest.shift()?.rows[0]?.['last'] as string | null) ?? null;
    if (readsFrequencies)
      this.keepFrequencies(cache, missing, frequenciesOf(missing, rest.shift()));
  }

  /** Stored frequencies just read into the run's cache, with the run's pending counts on top. */
  private keepFrequencies(
    cache: StoryRunCache,
    terms: readonly string[],
    stored: { documents: number; frequencies: Map<string, number> },
  ): void {
    cache.storedDocuments = stored.documents;
    for (const term of terms)
      cache.frequencies.set(
        term,
        (stored.frequencies.get(term) ?? 0) + (cache.pendingTerms.get(term) ?? 0),
      );
  }

  async addDocument(terms: readonly string[]): Promise<void> {
    const cache = await this.synced();
    if (!cache) return this.written(() => this.addDocument(terms));
    // Counted in the run (written by its flush) and in the term space assignStory scores in.
    cache.pendingDocuments++;
    for (const term of new Set(terms)) {
      cache.pendingTerms.set(term, (cache.pendingTerms.get(term) ?? 0) + 1);
      const known = cache.frequencies.get(term);
      if (known !== undefined) cache.frequencies.set(term, known + 1);
    }
    this.process.termSpace.counted(terms);
  }

  async findStoriesByTerms(
    terms: readonly string[],
    limit: number,
    perTerm = DEFAULT_POSTINGS_PER_TERM,
  ): Promise<StoryCandidate[]> {
    if (terms.length === 0) return [];
    const cache = await this.synced();
    const params = [[...new Set(terms)], limit, perTerm];
    if (!cache) {
      const result = await this.db.query<{ story_id: string; shared: number }>(
        `WITH ${CANDIDATES_SQL} SELECT story_id, shared FROM candidates
          ORDER BY shared DESC, story_id COLLATE "C"`,
        params,
      );
      return result.rows.map((row) => ({ storyId: row.story_id, sharedTerms: row.shared }));
    }
    // In a run, the candidates come with their stories (which assignStory reads next, one by one)
    // and the stored frequencies of those stories' centroid terms (which it asks for next): one
    // statement instead of two and one per candidate, the candidates computed once. Stories the
    // run holds are not re-read.
    const result = await this.db.prepared(
      'sitrep-story-candidates',
      `WITH ${CANDIDATES_SQL},
       picked AS MATERIALIZED (
         SELECT c.story_id, c.shared, ${qualified('s', STORY_COLUMNS)}
           FROM candidates c
           LEFT JOIN stories s ON s.id = c.story_id AND NOT (s.id = ANY ($4::text[])))
       SELECT * FROM (
         SELECT 0 AS part, p.*, NULL::text AS term, NULL::integer AS documents FROM picked p
         UNION ALL
         SELECT 1, ${Array.from({ length: STORY_COLUMNS.split(', ').length + 2 }, () => 'NULL').join(', ')},
                f.term, f.documents
           FROM story_term_frequencies f
          WHERE f.term IN (
            SELECT entry ->> 0 FROM picked p
              CROSS JOIN LATERAL jsonb_array_elements(p.centroid::jsonb) AS entry
             WHERE p.id IS NOT NULL)
       ) AS found
       ORDER BY part, shared DESC, story_id COLLATE "C"`,
      [...params, [...new Set([...cache.stories.keys(), ...this.process.storyIds()])]],
    );
    const rows = result.rows.filter((row) => row['part'] === 0) as ({
      story_id: string;
      shared: number;
    } & Partial<StoryRow>)[];
    const stored = new Map(
      result.rows
        .filter((row) => row['part'] === 1)
        .map((row) => [row['term'] as string, row['documents'] as number]),
    );
    for (const row of rows) {
      if (row.id === undefined || row.id === null || cache.stories.has(row.id)) continue;
      const story = toStory(row as StoryRow);
      cache.stories.set(row.id, story);
      for (const term of story.centroid.keys())
        if (!cache.frequencies.has(term))
          cache.frequencies.set(
            term,
            (stored.get(term) ?? 0) + (cache.pendingTerms.get(term) ?? 0),
          );
    }
    return rows.map((row) => ({ storyId: row.story_id, sharedTerms: row.shared }));
  }

  async getStory(storyId: string): Promise<StoryRecord | undefined> {
    const cache = await this.synced();
    const cached = cache?.stories.get(storyId);
    if (cached !== undefined) return cached ?? undefined;
    const kept = cache ? this.process.story(storyId) : undefined;
    if (cache && kept) {
      cache.stories.set(storyId, kept);
      return kept;
    }
    const result = await this.db.query<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`,
      [storyId],
    );
    const row = result.rows[0];
    const story = row ? toStory(row) : undefined;
    cache?.stories.set(storyId, story ?? null);
    return story;
  }

  /** The document count a save is stamped with: in a run, the counted one (stored + pending). */
  private savedAt(): number | null {
    const cache = this.cache();
    if (!cache || cache.storedDocuments === undefined) return null;
    return cache.storedDocuments + cache.pendingDocuments;
  }

  async saveStory(story: StoryRecord, lookupTerms: readonly string[]): Promise<void> {
    const cache = await this.synced();
    if (!cache) return this.written(() => this.saveStory(story, lookupTerms));
    cache.changedStories.add(story.id);
    // One statement (atomic on its own): the story, then its lookup terms as given. Terms it no
    // longer has are deleted and new ones inserted, so no row is touched twice in the statement.
    // In a run it travels with the next statement (the story is cached for reads until then).
    await this.db.write(
      `WITH saved AS (
         INSERT INTO stories (${STORY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen,
           last_seen = excluded.last_seen, article_count = excluded.article_count,
           sources = excluded.sources, centroid = excluded.centroid, version = excluded.version
       ), dropped AS (
         DELETE FROM story_lookup_terms WHERE story_id = $1 AND NOT (term = ANY ($9::text[]))
       )
       INSERT INTO story_lookup_terms (term, story_id, seq)
       SELECT term, $1, coalesce($10::bigint, (SELECT documents FROM story_corpus WHERE id = 1), 0)
         FROM unnest($9::text[]) AS term
       ON CONFLICT (term, story_id) DO UPDATE SET seq = excluded.seq`,
      [
        story.id,
        pgText(story.title),
        pgOptionalText(story.firstSeen),
        pgOptionalText(story.lastSeen),
        story.articleCount,
        pgJson(story.sources),
        JSON.stringify([...story.centroid.entries()]),
        story.version,
        distinctSorted(lookupTerms),
        this.savedAt(),
      ],
    );
    cache.stories.set(story.id, asStored(story));
  }

  async addMember(member: StoryMember): Promise<void> {
    await this.db.write(
      `INSERT INTO story_members (${MEMBER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (article_id) DO NOTHING`,
      [
        member.articleId,
        member.storyId,
        pgOptionalText(member.published),
        pgOptionalText(member.title),
        pgOptionalText(member.source),
        member.similarity,
        pgText(member.order ?? ''),
      ],
    );
    // The insert may have kept an existing row (DO NOTHING): the next read asks the table.
    const cache = this.cache();
    cache?.members.delete(member.articleId);
    if (cache) cache.lastOrder = undefined;
  }

  async removeDocument(terms: readonly string[]): Promise<void> {
    const cache = await this.synced();
    if (!cache) return this.written(() => this.removeDocument(terms));
    // Counted as negative pending counts, written with the rest of the run (flush).
    cache.pendingDocuments--;
    for (const term of new Set(terms)) {
      cache.pendingTerms.set(term, (cache.pendingTerms.get(term) ?? 0) - 1);
      const known = cache.frequencies.get(term);
      if (known !== undefined) cache.frequencies.set(term, known - 1);
    }
    // A re-settle takes counts back and adds them again: the term space reads them afresh.
    this.process.termSpace.forget();
  }

  async lastOrder(): Promise<string | undefined> {
    const cache = this.cache();
    if (cache?.lastOrder !== undefined) return cache.lastOrder ?? undefined;
    const result = await this.db.query<{ last: string | null }>(LAST_ORDER_SQL);
    return result.rows[0]?.last ?? undefined;
  }

  async storiesReaching(order: string): Promise<StorySpan[]> {
    const result = await this.db.query<{ story_id: string; first: string }>(
      `SELECT story_id, min(sort_key COLLATE "C") AS first FROM story_members
        WHERE story_id IN (SELECT story_id FROM story_members WHERE sort_key COLLATE "C" >= $1)
        GROUP BY story_id`,
      [pgText(order)],
    );
    return result.rows.map((row) => ({ storyId: row.story_id, firstOrder: row.first }));
  }

  async membersFrom(order: string): Promise<StoryMember[]> {
    const result = await this.db.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM story_members WHERE sort_key COLLATE "C" >= $1
        ORDER BY sort_key COLLATE "C", article_id COLLATE "C"`,
      [pgText(order)],
    );
    this.resettledMembers += result.rows.length;
    return result.rows.map(toMember);
  }

  async dropStories(storyIds: readonly string[]): Promise<void> {
    if (storyIds.length === 0) return;
    const cache = await this.synced();
    if (!cache) return this.written(() => this.dropStories(storyIds));
    for (const storyId of storyIds) cache.changedStories.add(storyId);
    // One statement; the lookup terms go with the stories (ON DELETE CASCADE).
    await this.db.query(
      `WITH gone AS (DELETE FROM story_members WHERE story_id = ANY ($1::text[]))
       DELETE FROM stories WHERE id = ANY ($1::text[])`,
      [[...storyIds]],
    );
    for (const storyId of storyIds) cache.stories.set(storyId, null);
    cache.members.clear();
    cache.lastOrder = undefined;
  }

  async moveMembers(fromId: string, intoId: string): Promise<void> {
    const cache = await this.synced();
    if (!cache) return this.written(() => this.moveMembers(fromId, intoId));
    cache.changedStories.add(fromId);
    // One statement; the lookup terms go with the story (ON DELETE CASCADE).
    await this.db.query(
      `WITH moved AS (UPDATE story_members SET story_id = $2 WHERE story_id = $1)
       DELETE FROM stories WHERE id = $1`,
      [fromId, intoId],
    );
    cache.stories.set(fromId, null);
    cache.members.clear();
    cache.lastOrder = undefined;
  }

  async getMembership(articleId: string): Promise<StoryMember | undefined> {
    const cache = this.cache();
    const cached = cache?.members.get(articleId);
    if (cached !== undefined) return cached ?? undefined;
    const read: Statement = [
      `SELECT ${MEMBER_COLUMNS} FROM story_members WHERE article_id = $1`,
      [articleId],
    ];
    // In a run, lastOrder (which settling asks next) comes along, until the members change.
    const [result, last] =
      cache && cache.lastOrder === undefined
        ? await this.db.queryAll([read, [LAST_ORDER_SQL, []]])
        : [await this.db.query<MemberRow>(read[0], [...read[1]])];
    if (cache && last) cache.lastOrder = (last.rows[0]?.['last'] as string | null) ?? null;
    const row = result?.rows[0] as MemberRow | undefined;
    const member = row ? toMember(row) : undefined;
    cache?.members.set(articleId, member ?? null);
    return member;
  }

  /**
   * The story of each article of a result page that is in one, headers only, in one statement: the
   * getMembership + getStory pair per hit was up to 40 sequential round trips on the store's pool
   * per search (bench/load on PostgreSQL during an ingest). Outside an organising run only: in one,
   * the run's cache is what reads must agree with, so the per-article path answers.
   */
  async storyHeadersOf(articleIds: readonly string[]): Promise<Map<string, StoryHeader>> {
    if (articleIds.length === 0) return new Map();
    if (this.cache()) return storyHeadersOneByOne(this, articleIds);
    const result = await this.db.query<Omit<StoryRow, 'centroid'> & { article_id: string }>(
      `SELECT m.article_id, ${qualified('s', HEADER_COLUMNS)}
         FROM story_members m JOIN stories s ON s.id = m.story_id
        WHERE m.article_id = ANY($1::text[])`,
      [[...new Set(articleIds)]],
    );
    return new Map(result.rows.map((row) => [row.article_id, toHeader(row)]));
  }

  async listMembers(storyId: string): Promise<StoryMember[]> {
    const result = await this.db.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM story_members WHERE story_id = $1`,
      [storyId],
    );
    return result.rows.map(toMember).sort(compareMembersByTime);
  }

  async listStories(): Promise<StoryRecord[]> {
    const result = await this.db.query<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories`);
    return result.rows.map(toStory).sort(compareStoriesForList);
  }

  async listStoryHeaders(query: StoryHeaderQuery): Promise<StoryHeader[]> {
    const after = query.after;
    const result = await this.db.query<Omit<StoryRow, 'centroid'>>(
      `SELECT id, title, first_seen, last_seen, article_count, sources, version FROM stories
        WHERE article_count >= $1
          AND ($2::boolean IS FALSE OR coalesce(last_seen, '') COLLATE "C" < $3
               OR (coalesce(last_seen, '') COLLATE "C" = $3 AND id COLLATE "C" > $4))
        ORDER BY coalesce(last_seen, '') COLLATE "C" DESC, id COLLATE "C" ASC
        LIMIT $5`,
      [
        query.minArticles ?? 0,
        after !== undefined,
        after?.[0] ?? '',
        after?.[1] ?? '',
        query.limit,
      ],
    );
    return result.rows.map(toHeader);
  }
}
