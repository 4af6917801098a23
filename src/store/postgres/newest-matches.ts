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
}

interface MatchRow {
  seq: string;
  id: string;
  published: string | null;
  score: number;
}

/**
 * The `count` most recently ingested articles whose vector matches the tsquery, newest first (fewer
 * when fewer match), each with its rank, computed on the rows the search reads anyway.
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
): Promise<NewestMatch[]> => {
  const score = ranked ? `ts_rank('${RANK_WEIGHTS}', search_vector, $1::tsquery)` : '0::real';
  const select = `SELECT seq, id, published, ${score} AS score FROM articles
    WHERE search_vector @@ $1::tsquery`;
  const run = async (sql: string, params: unknown[]): Promise<NewestMatch[]> =>
    (await pool.query<MatchRow>(sql, [tsquery, ...params])).rows.map((row) => ({
      seq: Number(row.seq),
      id: row.id,
      published: row.published,
      score: row.score,
    }));
  const newestSeq = await newestSeqOf(pool);
  if (newestSeq > FIRST_TIER) {
    const first = await run(`${select} AND seq > $2 ORDER BY seq DESC LIMIT $3`, [
      newestSeq - FIRST_TIER,
      count,
    ]);
    if (first.length >= count) return first;
    const span = first.length === 0 ? newestSeq : (FIRST_TIER * count * TIER_MARGIN) / first.length;
    if (span < newestSeq) {
      const second = await run(`${select} AND seq > $2 ORDER BY seq + 0 DESC LIMIT $3`, [
        Math.floor(newestSeq - span),
        count,
      ]);
      if (second.length >= count) return second;
    }
  }
  return run(`${select} ORDER BY seq DESC LIMIT $2`, [count]);
};
