import type { Evidence } from '../dependencies/dependency-edge.js';
import type {
  DependencyGraph,
  GraphEdgeAttributes,
  NodeKind,
} from '../dependencies/dependency-graph.js';

/**
 * The dependency graph flattened for the UI: the table under the canvas and the canvas itself
 * (the same node/edge shape as the relation network, so one renderer draws both).
 */
export interface NetworkNode {
  readonly id: string;
  readonly name: string;
  /** Colour key shared with the relation network (country GPE, system WEAPON, maker ORG...). */
  readonly type: string;
  readonly kind: NodeKind;
  readonly degree: number;
}

export interface NetworkEvidence {
  readonly articleId: string;
  readonly articleTitle: string | null;
  readonly published: string | null;
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
}

export interface NetworkEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** "delivered", "supplies: delivered", "made by"... */
  readonly predicate: string;
  readonly relation: GraphEdgeAttributes['relation'];
  readonly status: string | null;
  readonly capability: string | null;
  readonly negated: boolean;
  readonly hedged: boolean;
  readonly count: number;
  readonly sources: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly evidence: NetworkEvidence[];
  readonly reasons: readonly string[];
}

export interface DependencyNetwork {
  readonly nodes: NetworkNode[];
  readonly edges: NetworkEdge[];
}

const TYPE_OF_KIND: Record<NodeKind, string> = {
  country: 'GPE',
  organisation: 'ORG',
  company: 'ORG',
  system: 'WEAPON',
  capability: 'OTHER',
  actor: 'PERSON',
};

const RELATION_LABEL: Record<GraphEdgeAttributes['relation'], string> = {
  status: '',
  supplies: 'supplies',
  made_by: 'made by',
  based_in: 'based in',
  origin: 'origin',
};

const predicateOf = (a: GraphEdgeAttributes): string => {
  const status = a.status?.replace('_', ' ');
  const base =
    a.relation === 'status'
      ? (status ?? 'status')
      : `${RELATION_LABEL[a.relation]}${status && a.relation === 'supplies' ? ` (${status})` : ''}`;
  return a.hedged ? `${base}?` : base;
};

const evidenceOf = (e: Evidence): NetworkEvidence => ({
  articleId: e.articleId,
  articleTitle: e.source ?? null,
  published: e.published ?? null,
  start: e.start,
  end: e.end,
  sentence: e.text,
});

export const dependencyNetwork = (graph: DependencyGraph): DependencyNetwork => {
  const nodes = graph.mapNodes((id, a) => ({
    id,
    name: a.label,
    type: TYPE_OF_KIND[a.kind],
    kind: a.kind,
    degree: graph.degree(id),
  }));
  const edges = graph.mapEdges((id, a, source, target) => ({
    id,
    source,
    target,
    predicate: predicateOf(a),
    relation: a.relation,
    status: a.status ?? null,
    capability: a.capability ?? null,
    negated: a.negated,
    hedged: a.hedged,
    count: a.evidence.length,
    sources: a.sources,
    firstSeen: a.firstSeen ?? null,
    lastSeen: a.lastSeen ?? null,
    evidence: a.evidence.map(evidenceOf),
    reasons: a.reasons,
  }));
  return { nodes, edges };
};
