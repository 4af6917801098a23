import type { KbEntity, KnowledgeBase } from '../kb/kb-types.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';

/** What the knowledge base says about an entity, as label/value rows with linked entity ids. */
export interface KbFact {
  readonly label: string;
  readonly value: string;
  /** Set when the value names another KB entity (its page can be linked). */
  readonly entityId?: string;
}

export interface KbProfile {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description?: string;
  readonly source: string;
  readonly facts: KbFact[];
}

let loaded: KnowledgeBase | undefined;

/** The shipped knowledge base, loaded on the first entity page a process serves. */
export const sharedKnowledgeBase = (): KnowledgeBase => (loaded ??= loadKnowledgeBase());

const named = (kb: KnowledgeBase, label: string, id: string): KbFact => ({
  label,
  value: kb.get(id)?.name ?? id,
  entityId: id,
});

const factsOf = (kb: KnowledgeBase, e: KbEntity): KbFact[] => {
  const facts: KbFact[] = [{ label: 'Kind', value: e.kind }];
  if (e.category) facts.push({ label: 'Category', value: e.category });
  for (const country of e.countries ?? [])
    facts.push(named(kb, 'Country', `gpe:${country.toLowerCase()}`));
  for (const maker of e.makers ?? []) facts.push(named(kb, 'Made by', maker));
  if (e.parent) facts.push(named(kb, 'Part of', e.parent));
  if (e.successor) facts.push(named(kb, 'Became', e.successor));
  if (e.demonymOf) facts.push(named(kb, 'Of', e.demonymOf));
  for (const m of e.memberships ?? [])
    facts.push({
      ...named(kb, 'Member of', m.of),
      value: `${kb.get(m.of)?.name ?? m.of} (since ${m.since}${m.until ? `, until ${m.until}` : ''})`,
    });
  if (e.startDate) facts.push({ label: 'Began', value: e.startDate });
  if (e.endDate) facts.push({ label: 'Ended', value: e.endDate });
  return facts.filter((f) => !f.entityId || f.entityId !== e.id);
};

/** The KB profile of an id, or undefined for local (unlinked) entities. */
export const kbProfile = (
  entityId: string,
  kb: KnowledgeBase = sharedKnowledgeBase(),
): KbProfile | undefined => {
  const e = kb.get(entityId);
  if (!e) return undefined;
  const aliases = [...new Set([...e.aliases, ...(e.exactCaseAliases ?? [])])].filter(
    (a) => a !== e.name,
  );
  return {
    name: e.name,
    aliases,
    ...(e.description ? { description: e.description } : {}),
    source: e.source,
    facts: factsOf(kb, e),
  };
};
