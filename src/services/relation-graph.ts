import type { RelationRecord } from '../core/enrichment.js';
import type { ArticleStore, Fact } from '../store/port.js';

/**
 * The relation network: entities as nodes, relations (subject -predicate-> object) as edges, each
 * edge keeping the sentences (article id + character offsets) it was read from. Built from the
 * newest relations, at most RELATIONS_READ of them, so a page costs the same on any archive.
 */
export const RELATIONS_READ = 400;

export interface GraphNode {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Edges touching it in this graph. */
  readonly degree: number;
}

export interface EdgeEvidence {
  readonly articleId: string;
  readonly articleTitle: string | null;
  readonly published: string | null;
  readonly start: number;
  readonly end: number;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly predicate: string;
  readonly negated: boolean;
  /** Sentences stating it (the first EVIDENCE_KEPT are listed). */
  readonly count: number;
  readonly evidence: EdgeEvidence[];
}

export interface RelationGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly relationsRead: number;
  /** Predicates and entity types present before filtering, for the filter controls. */
  readonly predicates: string[];
  readonly types: string[];
}

export interface GraphFilter {
  /** Only the neighbourhood of this entity (relations where it is subject or object). */
  readonly entityId?: string;
  readonly predicate?: string;
  /** Only edges whose both ends have one of these types (upper case, e.g. WEAPON). */
  readonly types?: readonly string[];
  /** Publication dates, ISO prefixes: after inclusive, before exclusive. */
  readonly after?: string;
  readonly before?: string;
  readonly limit?: number;
}

const EVIDENCE_KEPT = 5;

const TYPE_BY_PREFIX: Record<string, string> = {
  gpe: 'GPE',
  org: 'ORG',
  company: 'ORG',
  person: 'PERSON',
  weapon: 'WEAPON',
  unit: 'UNIT',
  loc: 'LOC',
  facility: 'FACILITY',
  event: 'EVENT',
  norp: 'NORP',
};

/** Entity type from an id (`weapon:himars`, `local:person:jane-doe`); relations carry no type. */
export const typeOfEntityId = (id: string): string => {
  const parts = id.split(':');
  const prefix = (parts[0] === 'local' ? parts[1] : parts[0]) ?? '';
  return TYPE_BY_PREFIX[prefix.toLowerCase()] ?? prefix.toUpperCase();
};

const inDates = (published: string | undefined, filter: GraphFilter): boolean => {
  if (!filter.after && !filter.before) return true;
  if (!published) return false;
  if (filter.after && published < filter.after) return false;
  if (filter.before && published >= filter.before) return false;
  return true;
};

export const relationGraph = async (
  store: ArticleStore,
  filter: GraphFilter,
): Promise<RelationGraph> => {
  const page = await store.listRelations({
    limit: filter.limit ?? RELATIONS_READ,
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.predicate ? { predicate: filter.predicate } : {}),
  });
  const predicates = new Set<string>();
  const types = new Set<string>();
  const edges = new Map<string, { edge: Omit<GraphEdge, 'count'>; count: number }>();
  const names = new Map<string, string>();
  const wanted = filter.types && filter.types.length > 0 ? new Set(filter.types) : undefined;
  for (const r of page.items as Fact<RelationRecord>[]) {
    predicates.add(r.predicate);
    const subjectType = typeOfEntityId(r.subjectId);
    const objectType = typeOfEntityId(r.objectId);
    types.add(subjectType);
    types.add(objectType);
    if (wanted && !(wanted.has(subjectType) && wanted.has(objectType))) continue;
    if (!inDates(r.published, filter)) continue;
    names.set(r.subjectId, r.subjectName);
    names.set(r.objectId, r.objectName);
    const key = `${r.subjectId}\u0000${r.predicate}\u0000${r.objectId}\u0000${r.negated ? 1 : 0}`;
    const evidence: EdgeEvidence = {
      articleId: r.articleId,
      articleTitle: r.articleTitle ?? null,
      published: r.published ?? null,
      start: r.start,
      end: r.end,
    };
    const known = edges.get(key);
    if (known) {
      known.count++;
      if (known.edge.evidence.length < EVIDENCE_KEPT) known.edge.evidence.push(evidence);
    } else {
      edges.set(key, {
        count: 1,
        edge: {
          id: `e${edges.size + 1}`,
          source: r.subjectId,
          target: r.objectId,
          predicate: r.predicate,
          negated: r.negated,
          evidence: [evidence],
        },
      });
    }
  }
  const degree = new Map<string, number>();
  for (const { edge } of edges.values()) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const nodes = [...names].map(([id, name]) => ({
    id,
    name,
    type: typeOfEntityId(id),
    degree: degree.get(id) ?? 0,
  }));
  nodes.sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name));
  return {
    nodes,
    edges: [...edges.values()]
      .map(({ edge, count }) => ({ ...edge, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    relationsRead: page.items.length,
    predicates: [...predicates].sort(),
    types: [...types].sort(),
  };
};
