import type { KnowledgeBase } from '../kb/kb-types.js';
import { capabilityOfCategory, capabilityOfName, type Capability } from './capability.js';
import type { DependencyEdge, GraphParty } from './dependency-edge.js';

/** What the KB says about a system (or a depended-on capability): its category, makers and origins. */
export interface SystemFacts {
  readonly capability: Capability;
  readonly category?: string;
  readonly makers: readonly GraphParty[];
  /** Countries of origin (ISO alpha-2 ids as KB country ids, `gpe:us`). */
  readonly origins: readonly GraphParty[];
  readonly kind: 'weapon' | 'company' | 'country' | 'capability';
}

const partyOf = (kb: KnowledgeBase, id: string): GraphParty => {
  const entity = kb.get(id);
  return { key: id, id, name: entity?.name ?? id };
};

const countryIdOf = (kb: KnowledgeBase, iso2: string): string => {
  const id = `gpe:${iso2.toLowerCase()}`;
  return kb.get(id) ? id : id;
};

const withPrefix = (id: string, prefix: string): string =>
  id.includes(':') ? id : `${prefix}${id}`;

export const systemFacts = (kb: KnowledgeBase, system: GraphParty): SystemFacts => {
  const entity = system.id ? kb.get(system.id) : undefined;
  if (!entity)
    return {
      capability: capabilityOfName(system.name),
      makers: [],
      origins: [],
      kind: 'capability',
    };
  if (entity.type === 'GPE' && entity.iso2)
    return {
      capability: capabilityOfName(system.name),
      makers: [],
      origins: [partyOf(kb, entity.id)],
      kind: 'country',
    };
  const makers = (entity.makers ?? []).map((m) => partyOf(kb, withPrefix(m, 'company:')));
  const originIds = entity.countries ?? [];
  const origins = originIds.map((iso2) => partyOf(kb, countryIdOf(kb, iso2)));
  const isCompany = entity.kind === 'company';
  const capability =
    entity.category !== undefined
      ? capabilityOfCategory(entity.category)
      : capabilityOfName(`${entity.name} ${entity.description ?? ''}`);
  return {
    capability: capability === 'other' ? capabilityOfName(entity.name) : capability,
    ...(entity.category !== undefined ? { category: entity.category } : {}),
    makers: isCompany ? [] : makers,
    origins,
    kind: isCompany ? 'company' : 'weapon',
  };
};

/** Countries a company is based in (for maker -[based in]-> country edges). */
export const companyCountries = (kb: KnowledgeBase, companyId: string): GraphParty[] =>
  (kb.get(companyId)?.countries ?? []).map((iso2) => partyOf(kb, countryIdOf(kb, iso2)));

/** A country (or company's country) a supplier party stands for. */
export const supplierCountries = (kb: KnowledgeBase, supplier: GraphParty): GraphParty[] => {
  const entity = supplier.id ? kb.get(supplier.id) : undefined;
  if (!entity) return [supplier];
  if (entity.type === 'GPE' && entity.iso2) return [supplier];
  if (entity.kind === 'company') return companyCountries(kb, entity.id);
  if (entity.countries?.length) return entity.countries.map((c) => partyOf(kb, countryIdOf(kb, c)));
  return [supplier];
};

/** An edge with the capability the KB gives its system (the roll-up category). */
export type ResolvedEdge = DependencyEdge & { readonly capability: Capability };

export const resolveEdge = (kb: KnowledgeBase, edge: DependencyEdge): ResolvedEdge => ({
  ...edge,
  capability: systemFacts(kb, edge.system).capability,
});
