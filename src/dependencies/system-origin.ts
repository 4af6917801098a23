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

const PLACE_KINDS = new Set(['seat', 'city']);

/**
 * A capital or city standing for its country ("Kyiv", "Washington") as the country: the graph's
 * recipients and suppliers are states, forces and companies.
 */
const statePartyOf = (kb: KnowledgeBase, party: GraphParty): GraphParty | undefined => {
  const entity = party.id ? kb.get(party.id) : undefined;
  if (!entity || !PLACE_KINDS.has(entity.kind)) return undefined;
  const stateId =
    entity.metonymFor?.find((id) => id.startsWith('gpe:')) ??
    (entity.countries?.length === 1 ? `gpe:${entity.countries[0]!.toLowerCase()}` : undefined);
  return stateId && kb.get(stateId) ? partyOf(kb, stateId) : undefined;
};

const isPerson = (kb: KnowledgeBase, party: GraphParty): boolean =>
  party.key.startsWith('local:person:') ||
  (party.id !== undefined && kb.get(party.id)?.type === 'PERSON');

/**
 * An edge as the graph reads it: places standing for states replaced by the state, a person named
 * as "supplier" (a speaker, an advocate) dropped, and the capability the KB gives the system.
 */
export const resolveEdge = (kb: KnowledgeBase, edge: DependencyEdge): ResolvedEdge => {
  const reasons = [...edge.reasons];
  const recipientState = statePartyOf(kb, edge.recipient);
  if (recipientState)
    reasons.push(`recipient: ${edge.recipient.name} stands for ${recipientState.name}`);
  const supplierState = edge.supplier ? statePartyOf(kb, edge.supplier) : undefined;
  if (supplierState)
    reasons.push(`supplier: ${edge.supplier!.name} stands for ${supplierState.name}`);
  const dropSupplier = edge.supplier !== undefined && isPerson(kb, edge.supplier);
  if (dropSupplier)
    reasons.push(`supplier: ${edge.supplier!.name} is a person, not a supplier; dropped`);
  const { supplier: _stated, ...rest } = edge;
  const supplier = dropSupplier ? undefined : (supplierState ?? edge.supplier);
  return {
    ...rest,
    recipient: recipientState ?? edge.recipient,
    ...(supplier ? { supplier } : {}),
    capability: systemFacts(kb, edge.system).capability,
    reasons,
  };
};
