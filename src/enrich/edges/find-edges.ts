import { type EdgeParty, edgeStatusFamily, type SupplyEdge } from '../../core/supply-edge.js';
import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { Figure } from '../figures/figure-types.js';
import type { EntityMention } from '../find-entities.js';
import type { Sentence } from '../tokenize.js';
import { type EdgeActor, originState, resolveActor } from './edge-actors.js';
import { ContractReader, homeState, isBareService } from './edge-contracts.js';
import { WeaponMemory } from './edge-anaphora.js';
import { type EdgeItem, findItems } from './edge-items.js';
import { type Reliance, WITHHOLD } from './edge-reliance.js';
import { joinWrappedLines } from './wrapped-lines.js';
import { SentenceEdges } from './sentence-edges.js';
import { type EdgeDraft, mergeEdges } from './merge-edges.js';
import { GIVE_OR_RELY } from './edge-triggers.js';
import { untaggedRecipients } from './untagged-recipients.js';
import { relinkNeighbours } from './relink-neighbours.js';
import { readListBody } from './read-receipt-clauses.js';

const LIST_HEADER =
  /\b(?:includ\w*|consist\w* of|compris\w*|contain\w*|the following|as follows)\s*:\s*$/i;
const DELIVERED_HEADER =
  /\b(?:has|have|had)\s+(?:already\s+)?(?:been\s+)?(?:provided|sent|delivered|supplied|transferred|donated)\b/i;

export const EDGES_VERSION = 'edges-5';

export interface EdgeDeps {
  readonly kb: KnowledgeBase;
  readonly published?: string;
}

/**
 * "Harpoon Coastal Defense Systems" tagged as an unknown organisation: a name that opens with a
 * system the KB knows is that system (a linked company keeps its mention).
 */
const weaponOpening = (e: EntityMention, kb: KnowledgeBase): EntityMention | undefined => {
  if (!e.id.startsWith('local:') || e.type !== 'ORG') return undefined;
  const words = e.text.split(' ');
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const head = words.slice(0, n).join(' ');
    const known = kb.findByAlias(head).find((k) => k.type === 'WEAPON');
    if (known !== undefined)
      return {
        ...e,
        text: head,
        end: e.start + head.length,
        type: 'WEAPON',
        id: known.id,
        name: known.name,
        method: 'alias',
      };
  }
  return undefined;
};

const itemParty = (item: EdgeItem): EdgeParty => ({
  ...(item.id !== undefined ? { id: item.id } : {}),
  name: item.name,
  start: item.start,
  end: item.end,
});

/**
 * Supply and dependency edges of one article: who gets (or relies on) which system or capability
 * from whom, at which stage, read clause by clause around supply, purchase, request, use and
 * reliance words, plus possessives ("Ukraine's NASAMS"). Offsets point into `text`.
 */
export const findEdges = (
  text: string,
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  figures: readonly Figure[],
  deps: EdgeDeps,
): SupplyEdge[] => {
  const { kb, published } = deps;
  const drafts: EdgeDraft[] = [];
  const docActors: EdgeActor[] = [];
  const reliances: Reliance[] = [];
  let lastAid: { recipient: EdgeActor; supplier?: EdgeParty } | undefined;
  const sorted = relinkNeighbours(
    text,
    // "Tornado" tagged ORG but linked to the KB's weapon: the link says what it is.
    untaggedRecipients(
      text,
      entities
        .map((e) =>
          e.id.startsWith('weapon:') && e.type !== 'WEAPON' ? { ...e, type: 'WEAPON' as const } : e,
        )
        .map((e) => weaponOpening(e, kb) ?? e),
      kb,
    ).sort((a, b) => a.start - b.start),
    kb,
  );
  // "the Navy" alone stands for the state whose forces the article names in full ("U.S. Navy").
  const usState = kb.get('gpe:us');
  const us = usState !== undefined ? { id: usState.id, name: usState.name } : undefined;
  // Resolved only when a contract or a bare service name needs it: most articles have neither.
  let homeMemo: { value: EdgeParty | undefined } | undefined;
  const home = (): EdgeParty | undefined =>
    (homeMemo ??= {
      value: homeState(
        sorted
          .map((m) => resolveActor(m, kb, published))
          .filter((a): a is EdgeActor => a !== undefined),
        text,
        us,
      ),
    }).value;
  const contracts = new ContractReader(text, { kb, home, us }, drafts);
  const weaponMemory = new WeaponMemory(kb);
  const actorOf = (m: EntityMention): EdgeActor | undefined => {
    const a = resolveActor(m, kb, published);
    if (a !== undefined || !isBareService(m)) return a;
    const state = home();
    if (state === undefined) return undefined;
    return {
      party: {
        ...(state.id !== undefined ? { id: state.id } : {}),
        name: state.name,
        start: m.start,
        end: m.end,
      },
      mention: m,
      via: 'service of the state the article names',
    };
  };
  let from = 0;
  // "The package includes:" then the list on lines of its own: the status the header announced.
  let openList: 'committed' | 'delivered' | undefined;
  for (const s of joinWrappedLines(text, sentences)) {
    // Sentences and mentions are both in text order: one sweep finds each sentence's mentions.
    while (from < sorted.length && (sorted[from] as EntityMention).start < s.start) from++;
    let to = from;
    while (to < sorted.length && (sorted[to] as EntityMention).start < s.end) to++;
    const inSentence = sorted.slice(from, to).filter((e) => e.end <= s.end);
    const body = text.slice(s.start, s.end);
    const listed = openList;
    openList = LIST_HEADER.test(body)
      ? DELIVERED_HEADER.test(body)
        ? 'delivered'
        : 'committed'
      : undefined;
    if (
      inSentence.length === 0 &&
      !/\b(?:includ|consist|compris|contain)/i.test(body) &&
      !(reliances.length > 0 && WITHHOLD.test(body))
    )
      continue;
    const found = findItems(text, s.start, s.end, inSentence, kb).filter(
      (i) =>
        !inSentence.some(
          (e) =>
            e.type !== 'WEAPON' &&
            !e.id.startsWith('local:') &&
            i.kind !== 'capability' &&
            e.start <= i.start &&
            e.end >= i.end,
        ),
    );
    const items = weaponMemory.resolve(text, found);
    const actors = inSentence.map(actorOf).filter((a): a is EdgeActor => a !== undefined);
    const contractDrafts = drafts.length;
    contracts.read(s, inSentence, items);
    const byContract = drafts.slice(contractDrafts);
    // A sentence with no system may still announce aid whose list follows, or state a reliance.
    if (items.length === 0 && (actors.length === 0 || !GIVE_OR_RELY.test(body))) {
      // Still a party a later pronoun may stand for ("if the U.S. decides ... It can withhold").
      docActors.push(...actors);
      continue;
    }
    const money = figures.filter((f) => f.kind === 'money' && f.start >= s.start && f.end <= s.end);
    const value =
      money.length === 1 && money[0] !== undefined
        ? { amount: money[0].value, currency: money[0].unit }
        : undefined;
    const sentence = new SentenceEdges(
      text,
      s,
      items,
      actors,
      value,
      drafts,
      (id, before) =>
        [...docActors].reverse().find((a) => a.party.id === id && a.mention.end <= before),
      kb,
      () => lastAid,
      { reliances, actors: docActors },
    );
    const triggerDrafts = drafts.length;
    sentence.read();
    if (listed !== undefined && lastAid !== undefined && sentence.triggers.length === 0)
      readListBody(sentence, lastAid, listed);
    if (byContract.length > 0) {
      // "awarded a military procurement contract for Patriot": the contract reading says who buys
      // from whom; the supply words inside it would read the winning company as a buyer.
      const read = drafts.splice(triggerDrafts);
      drafts.push(
        ...read.filter(
          (d) =>
            edgeStatusFamily(d.status) !== 'supply' ||
            !byContract.some((c) => c.system.start < d.system.end && d.system.start < c.system.end),
        ),
      );
    }
    lastAid = sentence.lastAid() ?? lastAid;
    docActors.push(...actors);
  }
  // Named systems before classes: a list's items come before its summary ("14 M113 ... 30 armored vehicles").
  const rank = (d: EdgeDraft): number =>
    d.system.kind === 'weapon' ? 0 : d.system.kind === 'class' ? 1 : 2;
  const merged = mergeEdges(drafts);
  // "Britain's Husky vehicles" in an article about their delivery: the possessive names the supplier.
  const suppliers = merged.filter(
    (d) => d.supplier?.id !== undefined && edgeStatusFamily(d.status) === 'supply',
  );
  return merged
    .filter(
      (d) =>
        // A company wins contracts and makes systems; it is not what a defence edge delivers to or
        // arms ("General Dynamics has received contracts", "Raytheon's missile systems division").
        d.recipient.id?.startsWith('company:') !== true &&
        (!d.reasons.includes('trigger:possessive') ||
          !suppliers.some(
            (o) => o.supplier?.id === d.recipient.id && o.recipient.id !== d.recipient.id,
          )),
    )
    .sort((a, b) => rank(a) - rank(b) || a.start - b.start)
    .map((d) => finish(d, kb));
};

const finish = (d: EdgeDraft, kb: KnowledgeBase): SupplyEdge => {
  let supplier = d.supplier;
  const reasons = [...d.reasons];
  if (supplier === undefined && d.system.kind === 'weapon' && d.status !== 'depends_on') {
    const origin = originState(kb, d.system.id);
    if (origin !== undefined && origin.id !== d.recipient.id) {
      supplier = { id: origin.id, name: origin.name };
      reasons.push(`supplier from the KB's origin of ${d.system.id ?? d.system.name}`);
    }
  }
  return {
    recipient: d.recipient,
    ...(supplier !== undefined ? { supplier } : {}),
    system: itemParty(d.system),
    status: d.status,
    negated: d.negated,
    hedged: d.hedged,
    ...(d.system.quantity !== undefined ? { quantity: d.system.quantity } : {}),
    ...(d.value !== undefined ? { value: d.value } : {}),
    start: d.start,
    end: d.end,
    reasons,
  };
};
