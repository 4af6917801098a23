import graphology from 'graphology';
import type { KnowledgeBase } from '../kb/kb-types.js';
import type { Capability } from './capability.js';
import {
  GRAPH_VERSION,
  type DependencyEdge,
  type Evidence,
  type GraphParty,
} from './dependency-edge.js';
import { companyCountries, resolveEdge, systemFacts } from './system-origin.js';

const { MultiDirectedGraph } = graphology;

export type NodeKind = 'country' | 'organisation' | 'system' | 'company' | 'capability' | 'actor';

export interface GraphNodeAttributes {
  label: string;
  kind: NodeKind;
  capability?: Capability;
  category?: string;
}

export type GraphRelation = 'status' | 'supplies' | 'made_by' | 'based_in' | 'origin';

export interface GraphEdgeAttributes {
  relation: GraphRelation;
  /** For `status` edges: requested | ordered | committed | delivered | operates | depends_on. */
  status?: string;
  /** Named supplier (for status edges where the sentence says who supplies). */
  supplier?: string;
  transfer: boolean;
  negated: boolean;
  hedged: boolean;
  marked?: string;
  capability?: Capability;
  firstSeen?: string;
  lastSeen?: string;
  /** Independent sources: distinct syndication groups. */
  sources: number;
  articles: number;
  evidence: Evidence[];
  reasons: string[];
  version: string;
}

export type DependencyGraph = InstanceType<
  typeof MultiDirectedGraph<GraphNodeAttributes, GraphEdgeAttributes>
>;

export interface GraphFilter {
  /** Keep edges touching this node key (a country, system or supplier), and the chains they start. */
  readonly node?: string;
  readonly capability?: string;
  readonly status?: string;
  /** ISO dates: evidence published in [from, to]. */
  readonly from?: string;
  readonly to?: string;
}

const kindOf = (party: GraphParty, role: 'recipient' | 'system'): NodeKind => {
  const prefix = party.id?.split(':')[0];
  if (prefix === 'gpe') return 'country';
  if (prefix === 'org') return 'organisation';
  if (prefix === 'company') return role === 'system' ? 'system' : 'company';
  if (prefix === 'weapon') return 'system';
  return role === 'system' ? 'capability' : 'actor';
};

const within = (evidence: Evidence, filter: GraphFilter): boolean => {
  const day = evidence.published?.slice(0, 10);
  if (filter.from && (!day || day < filter.from)) return false;
  if (filter.to && (!day || day > filter.to)) return false;
  return true;
};

const addNode = (
  graph: DependencyGraph,
  party: GraphParty,
  attributes: GraphNodeAttributes,
): void => {
  if (!graph.hasNode(party.key)) graph.addNode(party.key, attributes);
};

const mergeEdge = (
  graph: DependencyGraph,
  key: string,
  source: string,
  target: string,
  base: Omit<
    GraphEdgeAttributes,
    'sources' | 'articles' | 'evidence' | 'reasons' | 'version' | 'firstSeen' | 'lastSeen'
  >,
  evidence: Evidence | undefined,
  reasons: readonly string[],
): void => {
  if (!graph.hasEdge(key))
    graph.addDirectedEdgeWithKey(key, source, target, {
      ...base,
      sources: 0,
      articles: 0,
      evidence: [],
      reasons: [...reasons],
      version: GRAPH_VERSION,
    });
  if (!evidence) return;
  const attributes = graph.getEdgeAttributes(key);
  const seenGroup = attributes.evidence.some(
    (e) => e.syndicationGroup === evidence.syndicationGroup,
  );
  const seenArticle = attributes.evidence.some((e) => e.articleId === evidence.articleId);
  attributes.evidence.push(evidence);
  if (!seenGroup) attributes.sources++;
  if (!seenArticle) attributes.articles++;
  const day = evidence.published?.slice(0, 10);
  if (day) {
    if (!attributes.firstSeen || day < attributes.firstSeen) attributes.firstSeen = day;
    if (!attributes.lastSeen || day > attributes.lastSeen) attributes.lastSeen = day;
  }
  for (const reason of reasons)
    if (!attributes.reasons.includes(reason)) attributes.reasons.push(reason);
};

/** A fact from the knowledge base (system -> maker -> country, or origin): no evidence, never a transfer. */
const addKbLink = (
  graph: DependencyGraph,
  source: string,
  target: GraphParty,
  kind: NodeKind,
  relation: 'made_by' | 'based_in' | 'origin',
  reason: string,
): void => {
  addNode(graph, target, { label: target.name, kind });
  mergeEdge(
    graph,
    `${relation}|${source}|${target.key}`,
    source,
    target.key,
    { relation, transfer: false, negated: false, hedged: false },
    undefined,
    [reason],
  );
};

/**
 * The evidence-linked dependency graph: recipient -[status]-> system -[made by]-> maker
 * -[based in]-> country (or system -[origin]-> country when the KB names no maker). One edge per
 * (recipient, status, system, supplier), with every sentence that states it, first and last seen,
 * and the number of independent sources (syndication groups, so copies of a wire story count once).
 */
export const buildDependencyGraph = (
  edges: readonly DependencyEdge[],
  kb: KnowledgeBase,
  filter: GraphFilter = {},
): DependencyGraph => {
  const graph: DependencyGraph = new MultiDirectedGraph<GraphNodeAttributes, GraphEdgeAttributes>();
  const kept = edges
    .map((edge) => resolveEdge(kb, edge))
    .filter(
      (edge) =>
        within(edge.evidence, filter) &&
        (!filter.capability || edge.capability === filter.capability) &&
        (!filter.status || edge.status === filter.status) &&
        (!filter.node ||
          [edge.recipient.key, edge.system.key, edge.supplier?.key].includes(filter.node) ||
          systemFacts(kb, edge.system).origins.some((o) => o.key === filter.node) ||
          systemFacts(kb, edge.system).makers.some((m) => m.key === filter.node)),
    );
  for (const edge of kept) {
    const facts = systemFacts(kb, edge.system);
    addNode(graph, edge.recipient, {
      label: edge.recipient.name,
      kind: kindOf(edge.recipient, 'recipient'),
    });
    addNode(graph, edge.system, {
      label: edge.system.name,
      kind: facts.kind === 'country' ? 'country' : kindOf(edge.system, 'system'),
      capability: facts.capability,
      ...(facts.category ? { category: facts.category } : {}),
    });
    const supplierKey = edge.supplier?.key ?? '';
    mergeEdge(
      graph,
      `status|${edge.recipient.key}|${edge.status}|${edge.system.key}|${supplierKey}|${edge.negated ? 'not' : ''}`,
      edge.recipient.key,
      edge.system.key,
      {
        relation: 'status',
        status: edge.status,
        ...(edge.supplier ? { supplier: edge.supplier.name } : {}),
        transfer: edge.transfer,
        negated: edge.negated,
        hedged: edge.hedged,
        ...(edge.marked ? { marked: edge.marked } : {}),
        capability: edge.capability,
      },
      edge.evidence,
      edge.reasons,
    );
    if (edge.supplier && edge.supplier.key !== edge.system.key) {
      addNode(graph, edge.supplier, {
        label: edge.supplier.name,
        kind: kindOf(edge.supplier, 'recipient'),
      });
      mergeEdge(
        graph,
        `supplies|${edge.supplier.key}|${edge.recipient.key}|${edge.status}|${edge.system.key}|${edge.negated ? 'not' : ''}`,
        edge.supplier.key,
        edge.recipient.key,
        {
          relation: 'supplies',
          status: edge.status,
          transfer: edge.transfer,
          negated: edge.negated,
          hedged: edge.hedged,
          ...(edge.marked ? { marked: edge.marked } : {}),
          capability: edge.capability,
        },
        edge.evidence,
        [...edge.reasons, `system: ${edge.system.name}`],
      );
    }
    for (const maker of facts.makers) {
      addKbLink(graph, edge.system.key, maker, 'company', 'made_by', 'KB: maker of the system');
      for (const country of companyCountries(kb, maker.key))
        addKbLink(graph, maker.key, country, 'country', 'based_in', 'KB: company country');
    }
    if (facts.makers.length === 0 && facts.kind !== 'country')
      for (const origin of facts.origins) {
        addKbLink(graph, edge.system.key, origin, 'country', 'origin', 'KB: country of origin');
      }
  }
  return graph;
};
