import type pg from 'pg';

/** ts_rank weights {D, C, B, A}: text words carry D, title words A: title counts 2x, as BM25 does on SQLite. */
const RANK_WEIGHTS = '{0.5, 0.5, 0.5, 1.0}';

/**
 * The first recency tier, in seq: the newest FIRST_TIER articles are searched first. A word common
 * enough to fill the window there is settled from that range alone: PostgreSQL walks the primary
 * key backwards, reading about RANK_WINDOW / density rows.
 */
const FIRST_TIER = 65_536;
/** The second step reaches this many times the range the first tier's density predicts. */
const TIER_MARGIN = 2;

/** How long a pool reuses the newest seq it read (newestSeqOf). */
const NEWEST_SEQ_TTL_MS = 1_000;
const newestSeqs = new WeakMap<pg.Pool, { seq: number; at: number }>();

/**
 * The store's highest seq, read at most once a NEWEST_SEQ_TTL_MS per pool: it was one of a
 * search's three sequential round trips, and under load each round trip waits its turn (bench/load
 * on PostgreSQL during an ingest: ~13 ms for this one-row read). A stale value changes no answer:
 * it only places the tiers, each of which is used only when it holds `count` matches, all newer
 * than anything it leaves out.
 */
const newestSeqOf = async (pool: pg.Pool): Promise<number> => {
  const cached = newestSeqs.get(pool);
  const now = performance.now();
  if (cached && now - cached.at < NEWEST_SEQ_TTL_MS) return cached.seq;
  const seq = Number(
    (await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM articles')).rows[0]
      ?.seq ?? 0,
  );
  newestSeqs.set(pool, { seq, at: now });
  return seq;
};

export interface NewestMatch {
  readonly seq: number;
  readonly id: string;
  readonly published: string | null;
  /** ts_rank (title 2x), or 0 when the caller does not rank. */
  readonly score: number;
  /** Whether the article passes the caller's `keep` condition (true without one). */
  readonly kept: boolean;
  /** Its syndication group's canonical article when it is a copy (asked with `canonical`), else null. */
  readonly canonical: string | null;
}

/** What a search reads beside each match, in the same statement (one round trip, not three). */
export interface MatchColumns {
  /** A condition on `articles a` whose parameters are numbered from $2 ($1 is the tsquery). */
  readonly keep?: { readonly sql: string; readonly params: readonly unknown[] };
  /** Also read each match's canonical article (syndication_decisions), for collapsing copies. */
  readonly canonical?: boolean;
}

interface MatchRow {
  seq: string;
  id: string;
  published: string | null;
  score: number;
  kept: boolean;
  canonical: string | null;
}

/** The canonical article of `a` when it is a copy: one primary-key probe per row read. */
export const CANONICAL_OF_A = `(SELECT d.canonical_id FROM syndication_decisions d
    WHERE d.article_id = a.id AND d.canonical_id IS NOT NULL)`;

export const toMatch = (row: MatchRow): NewestMatch => ({
  seq: Number(row.seq),
  id: row.id,
  published: row.published,
  score: row.score,
  kept: row.kept,
  canonical: row.canonical,
});

/**
 * The `count` most recently ingested articles whose vector matches the tsquery, newest first (fewer
 * when fewer match), each with its rank, computed on the rows the search reads anyway, and with
 * the `columns` the caller asks for (whether it passes the query's filters, its canonical article),
 * so the window and what a search needs of it come back in one round trip: under CPU contention
 * every statement costs the server a wait for its turn (bench/load on PostgreSQL during an ingest).
 *
 * Recency tiers: the newest FIRST_TIER articles first; when they hold too few matches, the range
 * their density predicts for `count` matches (times TIER_MARGIN), where ordering by `seq + 0`
 * keeps PostgreSQL from walking the key backwards through a range it misjudges and has it
 * intersect the GIN bitmap with the key range instead; finally the whole archive, which a word
 * this rare leaves to the GIN index. No step collects and sorts every match of a common word.
 */
export const newestMatches = async (
  pool: pg.Pool,
  tsquery: string,
  count: number,
  ranked: boolean,
  columns: MatchColumns = {},
): Promise<NewestMatch[]> => {
  const score = ranked ? `ts_rank('${RANK_WEIGHTS}', a.search_vector, $1::tsquery)` : '0::real';
  const keepParams = columns.keep?.params ?? [];
  const select = `SELECT a.seq, a.id, a.published, ${score} AS score,
      ${columns.keep ? `coalesce(${columns.keep.sql}, false)` : 'true'} AS kept,
      ${columns.canonical ? CANONICAL_OF_A : 'NULL::text'} AS canonical
    FROM articles a WHERE a.search_vector @@ $1::tsquery`;
  /** Placeholders after the tsquery and the keep condition's parameters. */
  const next = (n: number): string => `$${1 + keepParams.length + n}`;
  const run = async (sql: string, params: unknown[]): Promise<NewestMatch[]> =>
    (await pool.query<MatchRow>(sql, [tsquery, ...keepParams, ...params])).rows.map(toMatch);
  const newestSeq = await newestSeqOf(pool);
  if (newestSeq > FIRST_TIER) {
    const first = await run(
      `${select} AND a.seq > ${next(1)} ORDER BY a.seq DESC LIMIT ${next(2)}`,
      [newestSeq - FIRST_TIER, count],
    );
    if (first.length >= count) return first;
    const span = first.length === 0 ? newestSeq : (FIRST_TIER * count * TIER_MARGIN) / first.length;
    if (span < newestSeq) {
      const second = await run(
        `${select} AND a.seq > ${next(1)} ORDER BY a.seq + 0 DESC LIMIT ${next(2)}`,
        [Math.floor(newestSeq - span), count],
      );
      if (second.length >= count) return second;
    }
  }
  return run(`${select} ORDER BY a.seq DESC LIMIT ${next(1)}`, [count]);
};
