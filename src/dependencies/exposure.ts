import type { KnowledgeBase } from '../kb/kb-types.js';
import type { Capability } from './capability.js';
import type {
  AlternativeMention,
  DependencyEdge,
  Evidence,
  GraphParty,
} from './dependency-edge.js';
import { GRAPH_VERSION } from './dependency-edge.js';
import { resolveEdge, supplierCountries, systemFacts, type ResolvedEdge } from './system-origin.js';

export type ExposureRisk =
  | 'deliveries'
  | 'spare parts'
  | 'software updates'
  | 'intelligence'
  | 'satellite communications'
  | 'support';

export interface SupplierLink {
  readonly supplier: GraphParty;
  /** "stated": the sentence names the supplier; "maker origin": the KB's origin of the system. */
  readonly basis: 'stated' | 'maker origin';
}

export interface ExposedSystem {
  readonly system: GraphParty;
  readonly capability: Capability;
  readonly statuses: string[];
  readonly suppliers: SupplierLink[];
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  /** Independent sources (syndication groups). */
  readonly sources: number;
  readonly evidence: Evidence[];
  readonly reasons: string[];
}

export interface CapabilityShare {
  readonly capability: Capability;
  readonly systems: number;
  /** Systems of this capability depending on the supplier asked about (all suppliers when none). */
  readonly dependingOnSupplier: number;
  readonly share: number;
}

/** Country -> supplier-country dependence in one capability: the roll-up SIPRI-style tables give. */
export interface CapabilityRollup {
  readonly capability: Capability;
  readonly systems: number;
  readonly suppliers: { supplier: GraphParty; systems: number; share: number }[];
}

export interface ExposureLine {
  readonly risk: ExposureRisk;
  readonly system: GraphParty;
  readonly capability: Capability;
  readonly why: string;
  readonly evidence: Evidence[];
}

export interface AlternativeLine {
  readonly for: GraphParty;
  readonly alternative: GraphParty;
  readonly origins: GraphParty[];
  readonly capability: Capability;
  readonly evidence: Evidence[];
}

export interface ExposureReport {
  readonly country: GraphParty;
  readonly supplier?: GraphParty;
  readonly bySupplier: { supplier: GraphParty; systems: ExposedSystem[] }[];
  readonly capabilities: CapabilityShare[];
  /** Every supplier's share of each capability (whatever `supplier` was asked). */
  readonly rollup: CapabilityRollup[];
  readonly exposed: ExposureLine[];
  readonly alternatives: AlternativeLine[];
  readonly version: string;
}

const PENDING = new Set(['requested', 'ordered', 'committed']);
const IN_SERVICE = new Set(['delivered', 'operates']);
const MAX_EVIDENCE = 5;

const risksOf = (edge: ResolvedEdge): { risk: ExposureRisk; why: string }[] => {
  if (edge.status === 'depends_on') {
    const name = edge.system.name.toLowerCase();
    if (edge.capability === 'ISR/intelligence' || /intelligence/.test(name))
      return [{ risk: 'intelligence', why: 'relies on the supplier for intelligence' }];
    if (edge.capability === 'space')
      return [
        {
          risk: 'satellite communications',
          why: 'relies on the supplier for satellite communications',
        },
      ];
    if (/software/.test(name))
      return [{ risk: 'software updates', why: 'relies on the supplier for software updates' }];
    if (/spare|parts|maintenance/.test(name))
      return [{ risk: 'spare parts', why: 'relies on the supplier for spare parts' }];
    return [
      {
        risk: 'support',
        why: edge.system.id?.startsWith('gpe:')
          ? 'general reliance on the supplier'
          : `relies on the supplier for ${edge.system.name}`,
      },
    ];
  }
  if (PENDING.has(edge.status))
    return [
      { risk: 'deliveries', why: `${edge.status}, not yet reported delivered: a halt stops it` },
    ];
  if (IN_SERVICE.has(edge.status))
    return [
      { risk: 'spare parts', why: 'in service: spares and munitions come from the maker' },
      {
        risk: 'software updates',
        why: 'in service: software and mission data come from the maker',
      },
    ];
  return [];
};

/**
 * What a country has and relies on, per supplier and capability, and what it loses if a supplier
 * withholds deliveries, spare parts, software updates or intelligence; with the alternatives its
 * archive weighs. Negated edges ("declined to send") never count. Every line keeps its sentences.
 */
export const exposureOf = (
  countryKey: GraphParty,
  edges: readonly DependencyEdge[],
  alternatives: readonly AlternativeMention[],
  kb: KnowledgeBase,
  supplier?: GraphParty,
): ExposureReport => {
  const own = edges
    .map((e) => resolveEdge(kb, e))
    .filter((e) => e.recipient.key === countryKey.key && !e.negated);
  const suppliersOf = (edge: ResolvedEdge): SupplierLink[] => {
    const facts = systemFacts(kb, edge.system);
    if (facts.kind === 'country')
      return facts.origins.map((o) => ({ supplier: o, basis: 'stated' }));
    const stated = edge.supplier
      ? supplierCountries(kb, edge.supplier).map((s) => ({ supplier: s, basis: 'stated' as const }))
      : [];
    const origins = facts.origins.map((o) => ({ supplier: o, basis: 'maker origin' as const }));
    return [
      ...stated,
      ...origins.filter((o) => !stated.some((s) => s.supplier.key === o.supplier.key)),
    ];
  };
  const systems = new Map<string, ExposedSystem & { edges: ResolvedEdge[] }>();
  for (const edge of own) {
    const key = edge.system.key;
    const existing = systems.get(key);
    const day = edge.evidence.published?.slice(0, 10);
    if (!existing) {
      systems.set(key, {
        system: edge.system,
        capability: edge.capability,
        statuses: [edge.status],
        suppliers: suppliersOf(edge),
        ...(day ? { firstSeen: day, lastSeen: day } : {}),
        sources: 1,
        evidence: [edge.evidence],
        reasons: [...edge.reasons],
        edges: [edge],
      });
      continue;
    }
    const merged = {
      ...existing,
      statuses: existing.statuses.includes(edge.status)
        ? existing.statuses
        : [...existing.statuses, edge.status],
      suppliers: [
        ...existing.suppliers,
        ...suppliersOf(edge).filter(
          (s) => !existing.suppliers.some((x) => x.supplier.key === s.supplier.key),
        ),
      ],
      sources: existing.evidence.some((e) => e.syndicationGroup === edge.evidence.syndicationGroup)
        ? existing.sources
        : existing.sources + 1,
      evidence: [...existing.evidence, edge.evidence],
      edges: [...existing.edges, edge],
      ...(day && (!existing.firstSeen || day < existing.firstSeen) ? { firstSeen: day } : {}),
      ...(day && (!existing.lastSeen || day > existing.lastSeen) ? { lastSeen: day } : {}),
    };
    systems.set(key, merged);
  }
  const all = [...systems.values()];
  const dependsOn = (s: ExposedSystem): boolean =>
    !supplier || s.suppliers.some((link) => link.supplier.key === supplier.key);

  const bySupplierMap = new Map<string, { supplier: GraphParty; systems: ExposedSystem[] }>();
  for (const s of all)
    for (const link of s.suppliers) {
      if (supplier && link.supplier.key !== supplier.key) continue;
      const entry = bySupplierMap.get(link.supplier.key) ?? {
        supplier: link.supplier,
        systems: [],
      };
      entry.systems.push(strip(s));
      bySupplierMap.set(link.supplier.key, entry);
    }

  const capabilities = [...new Set(all.map((s) => s.capability))].map((capability) => {
    const ofCapability = all.filter((s) => s.capability === capability);
    const depending = ofCapability.filter(dependsOn).length;
    return {
      capability,
      systems: ofCapability.length,
      dependingOnSupplier: depending,
      share: depending / ofCapability.length,
    };
  });

  const rollup: CapabilityRollup[] = [...new Set(all.map((s) => s.capability))].map(
    (capability) => {
      const ofCapability = all.filter((s) => s.capability === capability);
      const counts = new Map<string, { supplier: GraphParty; systems: number }>();
      for (const s of ofCapability)
        for (const link of s.suppliers) {
          const entry = counts.get(link.supplier.key) ?? { supplier: link.supplier, systems: 0 };
          entry.systems++;
          counts.set(link.supplier.key, entry);
        }
      return {
        capability,
        systems: ofCapability.length,
        suppliers: [...counts.values()]
          .map((c) => ({ ...c, share: c.systems / ofCapability.length }))
          .sort((a, b) => b.systems - a.systems),
      };
    },
  );

  const exposed: ExposureLine[] = [];
  for (const s of all.filter(dependsOn))
    for (const edge of s.edges)
      for (const { risk, why } of risksOf(edge)) {
        const line = exposed.find((l) => l.risk === risk && l.system.key === s.system.key);
        if (line) {
          if (line.evidence.length < MAX_EVIDENCE) line.evidence.push(edge.evidence);
        } else
          exposed.push({
            risk,
            system: s.system,
            capability: s.capability,
            why,
            evidence: [edge.evidence],
          });
      }

  const exposedKeys = new Set(exposed.map((l) => l.system.key));
  const alternativeLines: AlternativeLine[] = [];
  for (const mention of alternatives) {
    if (!exposedKeys.has(mention.system.key)) continue;
    const facts = systemFacts(kb, mention.system);
    const alternativeFacts = systemFacts(kb, mention.alternative);
    if (facts.capability !== alternativeFacts.capability || facts.capability === 'other') continue;
    const origins = [...alternativeFacts.origins];
    const ownOrigins = new Set(facts.origins.map((o) => o.key));
    if (origins.every((o) => ownOrigins.has(o.key))) continue;
    if (supplier && origins.some((o) => o.key === supplier.key)) continue;
    const line = alternativeLines.find(
      (l) => l.for.key === mention.system.key && l.alternative.key === mention.alternative.key,
    );
    if (line) {
      if (line.evidence.length < MAX_EVIDENCE) line.evidence.push(mention.evidence);
    } else
      alternativeLines.push({
        for: mention.system,
        alternative: mention.alternative,
        origins,
        capability: facts.capability,
        evidence: [mention.evidence],
      });
  }
  return {
    country: countryKey,
    ...(supplier ? { supplier } : {}),
    bySupplier: [...bySupplierMap.values()].sort((a, b) => b.systems.length - a.systems.length),
    capabilities: capabilities.sort((a, b) => b.systems - a.systems),
    rollup: rollup.sort((a, b) => b.systems - a.systems),
    exposed,
    alternatives: alternativeLines,
    version: GRAPH_VERSION,
  };
};

const strip = (s: ExposedSystem & { edges?: unknown }): ExposedSystem => {
  const { edges: _edges, ...rest } = s;
  return { ...rest, evidence: rest.evidence.slice(0, MAX_EVIDENCE) };
};
