import type Database from 'better-sqlite3';
import type { Claim } from '../../claims/claim.js';
import type { AlternativeMention, DependencyEdge } from '../../dependencies/dependency-edge.js';
import type {
  ArticleLedger,
  ClaimFilter,
  EdgeFilter,
  LedgerCounts,
  LedgerStore,
} from '../ledger-port.js';

const parse = <T>(rows: { record: string }[]): T[] =>
  rows.map((row) => JSON.parse(row.record) as T);

const DERIVED_TABLES = ['ledger_claims', 'ledger_edges', 'ledger_alternatives'] as const;

export class SqliteLedger implements LedgerStore {
  private statements?: ReturnType<SqliteLedger['prepareWrites']>;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Prepared once, on first write (the tables exist only after migration 100). */
  private prepareWrites() {
    return {
      deletes: DERIVED_TABLES.map((table) =>
        this.db.prepare<[string]>(`DELETE FROM ${table} WHERE article_id = ?`),
      ),
      claim: this.db.prepare(
        'INSERT INTO ledger_claims (article_id, ordinal, measure, about_id, claimant_id, record) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      edge: this.db.prepare(
        'INSERT INTO ledger_edges (article_id, ordinal, recipient_key, system_key, supplier_key, status, record) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      alternative: this.db.prepare(
        'INSERT INTO ledger_alternatives (article_id, ordinal, system_key, alternative_key, record) VALUES (?, ?, ?, ?, ?)',
      ),
      version: this.db.prepare(
        `INSERT INTO ledger_articles (article_id, version, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
      ),
    };
  }

  async replaceArticle(articleId: string, ledger: ArticleLedger, version: string): Promise<void> {
    const statements = (this.statements ??= this.prepareWrites());
    const write = this.db.transaction(() => {
      for (const remove of statements.deletes) remove.run(articleId);
      const { claim, edge, alternative } = statements;
      ledger.claims.forEach((c, i) =>
        claim.run(
          articleId,
          i,
          c.measure,
          c.about?.id ?? null,
          c.claimant.id ?? null,
          JSON.stringify(c),
        ),
      );
      ledger.edges.forEach((e, i) =>
        edge.run(
          articleId,
          i,
          e.recipient.key,
          e.system.key,
          e.supplier?.key ?? null,
          e.status,
          JSON.stringify(e),
        ),
      );
      ledger.alternatives.forEach((a, i) =>
        alternative.run(articleId, i, a.system.key, a.alternative.key, JSON.stringify(a)),
      );
      statements.version.run(articleId, version, this.now().toISOString());
    });
    write();
  }

  async versionOf(articleId: string): Promise<string | undefined> {
    const row = this.db
      .prepare<[string], { version: string }>(
        'SELECT version FROM ledger_articles WHERE article_id = ?',
      )
      .get(articleId);
    return row?.version;
  }

  async listClaims(filter: ClaimFilter = {}): Promise<Claim[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.entityId !== undefined) {
      where.push('(about_id = ? OR claimant_id = ?)');
      params.push(filter.entityId, filter.entityId);
    }
    if (filter.articleId !== undefined) {
      where.push('article_id = ?');
      params.push(filter.articleId);
    }
    if (filter.measure !== undefined) {
      where.push('measure = ?');
      params.push(filter.measure);
    }
    if (filter.sharedMeasures)
      where.push(
        'measure IN (SELECT measure FROM ledger_claims GROUP BY measure HAVING count(*) > 1)',
      );
    const sql = `SELECT record FROM ledger_claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY measure, article_id, ordinal`;
    return parse<Claim>(this.db.prepare<string[], { record: string }>(sql).all(...params));
  }

  async listEdges(filter: EdgeFilter = {}): Promise<DependencyEdge[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.nodeKey !== undefined) {
      where.push('(recipient_key = ? OR system_key = ? OR supplier_key = ?)');
      params.push(filter.nodeKey, filter.nodeKey, filter.nodeKey);
    }
    if (filter.recipientKey !== undefined) {
      where.push('recipient_key = ?');
      params.push(filter.recipientKey);
    }
    const sql = `SELECT record FROM ledger_edges ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY article_id, ordinal`;
    return parse<DependencyEdge>(this.db.prepare<string[], { record: string }>(sql).all(...params));
  }

  async listAlternatives(): Promise<AlternativeMention[]> {
    return parse<AlternativeMention>(
      this.db
        .prepare<[], { record: string }>(
          'SELECT record FROM ledger_alternatives ORDER BY article_id, ordinal',
        )
        .all(),
    );
  }

  async counts(): Promise<LedgerCounts> {
    const count = (table: string): number =>
      this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
    return {
      articles: count('ledger_articles'),
      claims: count('ledger_claims'),
      edges: count('ledger_edges'),
      alternatives: count('ledger_alternatives'),
    };
  }

  async clear(): Promise<void> {
    this.db.transaction(() => {
      for (const table of [
        'ledger_articles',
        'ledger_claims',
        'ledger_edges',
        'ledger_alternatives',
      ])
        this.db.prepare(`DELETE FROM ${table}`).run();
    })();
  }
}
