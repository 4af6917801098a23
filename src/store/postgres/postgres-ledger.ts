import type pg from 'pg';
import type { Claim } from '../../claims/claim.js';
import type { AlternativeMention, DependencyEdge } from '../../dependencies/dependency-edge.js';
import type {
  ArticleLedger,
  ClaimFilter,
  EdgeFilter,
  LedgerCounts,
  LedgerStore,
} from '../ledger-port.js';
import { pgJson, pgText } from './article-row.js';
import { transactAll, type Statement } from './inline-parameters.js';

const parse = <T>(rows: { record: string }[]): T[] =>
  rows.map((row) => JSON.parse(row.record) as T);

export class PostgresLedger implements LedgerStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async replaceArticle(articleId: string, ledger: ArticleLedger, version: string): Promise<void> {
    // One transaction, one round trip. The article's ledger row is written first, which locks it:
    // two workers replacing one article take turns.
    const statements: Statement[] = [
      [
        `INSERT INTO ledger_articles (article_id, version, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
        [articleId, version, this.now().toISOString()],
      ],
      ...['ledger_claims', 'ledger_edges', 'ledger_alternatives'].map((table): Statement => [
        `DELETE FROM ${table} WHERE article_id = $1`,
        [articleId],
      ]),
    ];
    const c = ledger.claims;
    if (c.length > 0)
      statements.push([
        `INSERT INTO ledger_claims (article_id, ordinal, measure, about_id, claimant_id, record)
         SELECT $1, u.* FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u`,
        [
          articleId,
          c.map((_, i) => i),
          c.map((x) => pgText(x.measure)),
          c.map((x) => x.about?.id ?? null),
          c.map((x) => x.claimant.id ?? null),
          c.map((x) => pgJson(x)),
        ],
      ]);
    const e = ledger.edges;
    if (e.length > 0)
      statements.push([
        `INSERT INTO ledger_edges (article_id, ordinal, recipient_key, system_key, supplier_key, status, record)
         SELECT $1, u.* FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u`,
        [
          articleId,
          e.map((_, i) => i),
          e.map((x) => pgText(x.recipient.key)),
          e.map((x) => pgText(x.system.key)),
          e.map((x) => (x.supplier ? pgText(x.supplier.key) : null)),
          e.map((x) => x.status),
          e.map((x) => pgJson(x)),
        ],
      ]);
    const a = ledger.alternatives;
    if (a.length > 0)
      statements.push([
        `INSERT INTO ledger_alternatives (article_id, ordinal, system_key, alternative_key, record)
         SELECT $1, u.* FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS u`,
        [
          articleId,
          a.map((_, i) => i),
          a.map((x) => pgText(x.system.key)),
          a.map((x) => pgText(x.alternative.key)),
          a.map((x) => pgJson(x)),
        ],
      ]);
    await transactAll(this.pool, statements);
  }

  async versionOf(articleId: string): Promise<string | undefined> {
    const result = await this.pool.query<{ version: string }>(
      'SELECT version FROM ledger_articles WHERE article_id = $1',
      [articleId],
    );
    return result.rows[0]?.version;
  }

  async listClaims(filter: ClaimFilter = {}): Promise<Claim[]> {
    const where: string[] = [];
    const params: string[] = [];
    const param = (value: string): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.entityId !== undefined) {
      const p = param(filter.entityId);
      where.push(`(about_id = ${p} OR claimant_id = ${p})`);
    }
    if (filter.articleId !== undefined) where.push(`article_id = ${param(filter.articleId)}`);
    if (filter.measure !== undefined) where.push(`measure = ${param(filter.measure)}`);
    if (filter.sharedMeasures)
      where.push(
        'measure IN (SELECT measure FROM ledger_claims GROUP BY measure HAVING count(*) > 1)',
      );
    const result = await this.pool.query<{ record: string }>(
      `SELECT record FROM ledger_claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY measure COLLATE "C", article_id COLLATE "C", ordinal`,
      params,
    );
    return parse<Claim>(result.rows);
  }

  async listEdges(filter: EdgeFilter = {}): Promise<DependencyEdge[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.nodeKey !== undefined) {
      params.push(filter.nodeKey);
      where.push('(recipient_key = $1 OR system_key = $1 OR supplier_key = $1)');
    }
    if (filter.recipientKey !== undefined) {
      params.push(filter.recipientKey);
      where.push(`recipient_key = $${params.length}`);
    }
    const result = await this.pool.query<{ record: string }>(
      `SELECT record FROM ledger_edges ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY article_id COLLATE "C", ordinal`,
      params,
    );
    return parse<DependencyEdge>(result.rows);
  }

  async listAlternatives(): Promise<AlternativeMention[]> {
    const result = await this.pool.query<{ record: string }>(
      'SELECT record FROM ledger_alternatives ORDER BY article_id COLLATE "C", ordinal',
    );
    return parse<AlternativeMention>(result.rows);
  }

  async counts(): Promise<LedgerCounts> {
    const result = await this.pool.query<{
      articles: string;
      claims: string;
      edges: string;
      alternatives: string;
    }>(
      `SELECT (SELECT count(*) FROM ledger_articles) AS articles, (SELECT count(*) FROM ledger_claims) AS claims,
              (SELECT count(*) FROM ledger_edges) AS edges, (SELECT count(*) FROM ledger_alternatives) AS alternatives`,
    );
    const row = result.rows[0]!;
    return {
      articles: Number(row.articles),
      claims: Number(row.claims),
      edges: Number(row.edges),
      alternatives: Number(row.alternatives),
    };
  }

  async clear(): Promise<void> {
    await this.pool.query(
      'TRUNCATE ledger_articles, ledger_claims, ledger_edges, ledger_alternatives',
    );
  }
}
