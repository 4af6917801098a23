import type { Claim } from '../claims/claim.js';
import { groupClaims } from '../claims/compare-claims.js';
import type { DependencyEdge, GraphParty } from '../dependencies/dependency-edge.js';
import type { LedgerStore } from '../store/ledger-port.js';
import type { WatchConditions, WatchedNode, WatchlistsPort } from '../store/watchlists-port.js';

/** One reason to alert: its collapse key (one alert per key and watchlist) and why, line by line. */
export interface LedgerFinding {
  readonly groupKey: string;
  readonly why: readonly string[];
  readonly names: readonly string[];
}

const lower = (s: string | undefined): string => (s ?? '').toLowerCase();

const isNode = (node: WatchedNode, id: string | undefined, name: string | undefined): boolean =>
  (node.id !== undefined && id === node.id) || lower(name) === lower(node.name);

const claimTouches = (node: WatchedNode, claim: Claim): boolean =>
  isNode(node, claim.about?.id, claim.about?.name) ||
  isNode(node, claim.claimant.id, claim.claimant.name);

const partyIs = (node: WatchedNode, party: GraphParty | undefined): boolean =>
  party !== undefined &&
  ((node.id !== undefined && (party.id === node.id || party.key === node.id)) ||
    lower(party.name) === lower(node.name));

/** The graph's own identity of a status edge (dependency-graph.ts keys it the same way). */
const edgeIdentity = (edge: DependencyEdge): string =>
  `${edge.recipient.key}|${edge.status}|${edge.system.key}|${edge.supplier?.key ?? ''}|${edge.negated ? 'not' : ''}`;

const describeClaim = (claim: Claim, sentence: string): string =>
  `${claim.text} (${claim.claimant.name}${claim.source ? `, ${claim.source}` : ''}${claim.asOf ? `, as of ${claim.asOf}` : ''}; article ${claim.articleId} [${claim.start}-${claim.end}]): "${sentence.trim()}"`;

const describeEdge = (edge: DependencyEdge): string =>
  `${edge.recipient.name} -[${edge.negated ? 'not ' : ''}${edge.status}${edge.marked ? `, ${edge.marked}` : ''}]-> ${edge.system.name}${edge.supplier ? ` from ${edge.supplier.name}` : ''}`;

/**
 * Evaluates "new conflicting claim about X" and "new dependency edge for X" for the articles of one
 * evaluation run. The ledger does not change during a run, so the rows of each watched node and
 * measure are read once and reused for every article; "earlier" is storage order (seq), so an
 * article only sees rivals and edges that were stored at or before it.
 */
export class LedgerConditions {
  private readonly edgesByNode = new Map<string, Promise<DependencyEdge[]>>();
  private readonly claimsByMeasure = new Map<string, Promise<Claim[]>>();
  private readonly claimsByArticle = new Map<string, Promise<Claim[]>>();
  private readonly seqs = new Map<string, number>();

  constructor(
    private readonly ledger: LedgerStore,
    private readonly watchlists: WatchlistsPort,
    private readonly textOf: (articleId: string) => Promise<string>,
  ) {}

  /** Undefined when the watchlist has no ledger condition; else the findings (empty: no alert). */
  async findings(
    conditions: WatchConditions,
    articleId: string,
    seq: number,
  ): Promise<LedgerFinding[] | undefined> {
    if (!conditions.conflictAbout && !conditions.newEdgeFor) return undefined;
    const found: LedgerFinding[] = [];
    if (conditions.conflictAbout) {
      const conflicts = await this.newConflicts(conditions.conflictAbout, articleId, seq);
      if (conflicts.length === 0) return [];
      found.push(...conflicts);
    }
    if (conditions.newEdgeFor) {
      const edges = await this.newEdges(conditions.newEdgeFor, articleId, seq);
      if (edges.length === 0) return [];
      found.push(...edges);
    }
    return found;
  }

  private async storedAtOrBefore(articleIds: readonly string[], seq: number): Promise<Set<string>> {
    const missing = articleIds.filter((id) => !this.seqs.has(id));
    if (missing.length > 0)
      for (const [id, s] of await this.watchlists.seqsOf(missing)) this.seqs.set(id, s);
    return new Set(articleIds.filter((id) => (this.seqs.get(id) ?? Infinity) <= seq));
  }

  private cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let value = map.get(key);
    if (!value) {
      value = load();
      map.set(key, value);
    }
    return value;
  }

  private async newConflicts(
    node: WatchedNode,
    articleId: string,
    seq: number,
  ): Promise<LedgerFinding[]> {
    const own = await this.cached(this.claimsByArticle, articleId, () =>
      this.ledger.listClaims({ articleId }),
    );
    const measures = [...new Set(own.map((c) => c.measure))];
    const findings: LedgerFinding[] = [];
    for (const measure of measures) {
      const all = await this.cached(this.claimsByMeasure, measure, () =>
        this.ledger.listClaims({ measure }),
      );
      if (all.length < 2) continue;
      const earlier = await this.storedAtOrBefore(
        all.map((c) => c.articleId),
        seq,
      );
      const known = all.filter((c) => earlier.has(c.articleId));
      for (const group of groupClaims(known))
        for (const pair of group.pairs) {
          if (pair.verdict !== 'conflict') continue;
          if (pair.a.articleId !== articleId && pair.b.articleId !== articleId) continue;
          if (!claimTouches(node, pair.a) && !claimTouches(node, pair.b)) continue;
          // Copies of either side share its syndication group: one alert per conflict of stories.
          const sides = [pair.a, pair.b].map((c) => `${c.syndicationGroup}@${c.text}`).sort();
          const key = `conflict:${measure}:${sides.join('|')}`;
          const sentence = async (c: Claim) =>
            (await this.textOf(c.articleId)).slice(c.sentence.start, c.sentence.end);
          findings.push({
            groupKey: key,
            names: [pair.a.about?.name ?? node.name],
            why: [
              `conflicting claims about ${group.label}`,
              `A: ${describeClaim(pair.a, await sentence(pair.a))}`,
              `B: ${describeClaim(pair.b, await sentence(pair.b))}`,
              ...pair.reasons,
            ],
          });
        }
    }
    return findings;
  }

  private async newEdges(
    node: WatchedNode,
    articleId: string,
    seq: number,
  ): Promise<LedgerFinding[]> {
    const keys = [...new Set([node.id, `name:${lower(node.name)}`].filter((k) => k !== undefined))];
    const edges = await this.cached(this.edgesByNode, keys.join(' '), async () => {
      const lists = await Promise.all(keys.map((nodeKey) => this.ledger.listEdges({ nodeKey })));
      return lists
        .flat()
        .filter(
          (e) => partyIs(node, e.recipient) || partyIs(node, e.system) || partyIs(node, e.supplier),
        );
    });
    const own = edges.filter((e) => e.evidence.articleId === articleId);
    if (own.length === 0) return [];
    const earlier = await this.storedAtOrBefore(
      edges.map((e) => e.evidence.articleId),
      seq - 1,
    );
    const seen = new Set(
      edges.filter((e) => earlier.has(e.evidence.articleId)).map((e) => edgeIdentity(e)),
    );
    const findings: LedgerFinding[] = [];
    for (const edge of own) {
      const identity = edgeIdentity(edge);
      if (seen.has(identity)) continue;
      seen.add(identity);
      findings.push({
        groupKey: `edge:${identity}`,
        names: [
          edge.recipient.name,
          edge.system.name,
          ...(edge.supplier ? [edge.supplier.name] : []),
        ],
        why: [
          `new dependency edge: ${describeEdge(edge)} (first evidence)`,
          `evidence (article ${edge.evidence.articleId} [${edge.evidence.start}-${edge.evidence.end}]${edge.evidence.source ? `, ${edge.evidence.source}` : ''}): "${edge.evidence.text.trim()}"`,
          ...edge.reasons,
        ],
      });
    }
    return findings;
  }
}
