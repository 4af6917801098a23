import type { EdgeParty, SupplyEdge } from '../../core/supply-edge.js';
import type { Relation, RelationArgument } from '../relations/find-relations.js';

export const EDGES_VERSION = 'edges-1';

const party = (argument: RelationArgument): EdgeParty => ({
  ...(argument.id !== undefined ? { id: argument.id } : {}),
  name: argument.name,
  ...(argument.start !== undefined ? { start: argument.start } : {}),
  ...(argument.end !== undefined ? { end: argument.end } : {}),
});

const edge = (
  relation: Relation,
  recipient: RelationArgument,
  system: RelationArgument,
  status: SupplyEdge['status'],
  supplier?: RelationArgument,
): SupplyEdge => ({
  recipient: party(recipient),
  ...(supplier !== undefined ? { supplier: party(supplier) } : {}),
  system: party(system),
  status,
  negated: relation.negated,
  hedged: false,
  start: relation.start,
  end: relation.end,
  reasons: [`relation:${relation.predicate}`],
});

/** Supply and dependency edges read off the sentence-level relations (supplies, acquires, operates, depends_on). */
export const edgesFromRelations = (relations: readonly Relation[]): SupplyEdge[] =>
  relations.flatMap((relation): SupplyEdge[] => {
    switch (relation.predicate) {
      case 'supplies':
        return relation.item !== undefined
          ? [edge(relation, relation.object, relation.item, 'delivered', relation.subject)]
          : [];
      case 'acquires':
        return [edge(relation, relation.subject, relation.object, 'ordered')];
      case 'operates':
        return [edge(relation, relation.subject, relation.object, 'operates')];
      case 'depends_on':
        return [edge(relation, relation.subject, relation.object, 'depends_on')];
      default:
        return [];
    }
  });
