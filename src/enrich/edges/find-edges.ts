import {
  type EdgeParty,
  type EdgeStatus,
  edgeStatusFamily,
  type SupplyEdge,
} from '../../core/supply-edge.js';
import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { Figure } from '../figures/figure-types.js';
import type { EntityMention } from '../find-entities.js';
import type { Sentence } from '../tokenize.js';
import { type EdgeActor, originState, resolveActor } from './edge-actors.js';
import { ContractReader, homeState, isBareService } from './edge-contracts.js';
import { WeaponMemory } from './edge-anaphora.js';
import { type EdgeItem, findItems } from './edge-items.js';
import {
  anchored,
  lastReliance,
  PRONOUN_SUBJECT,
  type Reliance,
  RELIANT_ANAPHOR,
  WITHHOLD,
} from './edge-reliance.js';
import { readModality } from './edge-status.js';
import { joinWrappedLines } from './wrapped-lines.js';
import { type EdgeDraft, mergeEdges } from './merge-edges.js';

export const EDGES_VERSION = 'edges-2';

type TriggerClass = 'give' | 'get' | 'buy' | 'ask' | 'use' | 'rely' | 'list' | 'arrive';

interface Trigger {
  readonly cls: TriggerClass;
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

const TRIGGERS: readonly { cls: TriggerClass; re: RegExp }[] = [
  {
    cls: 'rely',
    re: /\b(?:rel(?:y|ies|ied|ying|iance)|depend(?:s|ed|ing|ence|ency|ent)?|reliant)\s+(?:heavily\s+|entirely\s+|largely\s+|mostly\s+)?(?:up)?on\b/gi,
  },
  {
    cls: 'give',
    re: /\b(?:suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing|y|ies)?|provid(?:e|es|ed|ing)|provision|sen(?:d|ds|t|ding)|transfer(?:s|red|ring)?|donat(?:e|es|ed|ing|ion|ions)|g(?:ive|ives|ave|iving|iven)|hand(?:s|ed|ing)? over|handed|ship(?:ped|ping|ments?)|pledg(?:e|es|ed|ing)|sell(?:s|ing)?|sold|sales?|export(?:s|ed|ing)?)\b/gi,
  },
  {
    cls: 'get',
    re: /\b(?:receiv(?:e|es|ed|ing)|get(?:s|ting)?|got|obtain(?:s|ed|ing)?|take delivery)\b/gi,
  },
  {
    cls: 'buy',
    re: /\b(?:bu(?:y|ys|ying)|bought|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing|ement)|(?<!in )order(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|acquisition)\b/gi,
  },
  {
    // "HIMARS, howitzers, tanks coming in": what arrives is named before the verb.
    cls: 'arrive',
    re: /\b(?:coming in|arriv(?:e|es|ed|ing))\b/gi,
  },
  {
    cls: 'list',
    re: /\b(?:includ(?:e|es|ed|ing)|consist(?:s|ing)? of|compris(?:e|es|ing)|contain(?:s|ing)?)\b/gi,
  },
  {
    cls: 'ask',
    re: /\b(?:(?:demand|need|requests?|appeals?|calls?|push) for|needs?|needed|ask(?:s|ed|ing)?|request(?:s|ed|ing)?)\b/gi,
  },
  {
    cls: 'use',
    re: /\b(?:(?:ships?|warships?|vessels?|submarines?|bombers?|carriers?|troops|forces|units?) (?:armed )?with|operat(?:e|es|ed|ing)|us(?:e|es|ed|ing)|field(?:s|ed|ing)|employ(?:s|ed|ing)?|armed with|equipped with|drills with|train(?:s|ed|ing)? (?:on|with)|deploy(?:s|ed|ing)?|station(?:s|ed|ing)|emplac(?:e|es|ed|ing)|(?:test-)?fir(?:e|es|ed|ing))\b/gi,
  },
];

/** "the alliance's dependence", "the bloc's reliance": the last alliance or bloc named before. */
const ANAPHOR = /\b(?:the\s+)?(alliance|bloc|union)(?:['’]s)?\s+(?:[\p{Ll}-]+\s+){0,2}$/iu;
const ANAPHOR_IDS: Record<string, string> = {
  alliance: 'org:nato',
  bloc: 'org:eu',
  union: 'org:eu',
};

/** Words without which a sentence with no system can neither announce aid nor state a reliance. */
const GIVE_OR_RELY =
  /\b(?:suppl|deliver|provi|sen[dt]|transfer|donat|g[ai]v|hand|ship|pledg|sell|sold|sale|export|rel[iy]|depend|package|aid|assistance)/i;

/** Verbs of deciding on a transfer: their subject is the supplier of "the transfer of X to Y". */
const DECISION =
  /\b(?:approv\w*|authori[sz]\w*|allow\w*|permit\w*|announc\w*|complet\w*|speed\w* up|discuss\w*|consider\w*|block\w*|delay\w*|halt\w*|suspend\w*|resum\w*|start\w*|continu\w*|increas\w*|began|begin\w*|launch\w*|may|will|plans?|planning)\b/i;
/** A list trigger names the contents of aid when the words before it are about aid. */
const AID_WORDS =
  /\b(?:package|aid|assistance|tranche|shipments?|deliver\w*|support|weapons|arms|equipment|military|security)\b/i;

/** A noun use of a supply verb: "the supply of", "arms supplies to", "procurement of". */
const NOMINAL =
  /^(?:supply|supplies|delivery|deliveries|transfer|transfers|provision|shipments?|donations?|sales?|procurement|purchase|acquisition|order|exports?)$/i;
const PASSIVE_LEAD = /(?:\b(?:be|been|being|is|are|was|were|get|got)\s+(?:\w+ly\s+)?|,\s*|-)$/i;
const PREPOSITION_BEFORE =
  /\b(?:to|for|from|of|in|into|with|by|at|on|against|than|between|about|over|near)\s+(?:the\s+)?$/i;
const CAPABILITY_CUE =
  /\b(?:halt(?:s|ed|ing)?|suspen\w+|withh(?:old|olds|eld|olding)|cut(?:s|ting)? off|den(?:y|ied|ies)|withdr\w+|access|shar(?:e|es|ed|ing)|support|reliance|dependen\w+|rel(?:y|ies|ied))\b/i;

const isNominal = (text: string, t: Trigger, floor: number): boolean => {
  if (!NOMINAL.test(t.word)) return false;
  const before = text.slice(Math.max(floor, t.start - 12), t.start);
  const after = text.slice(t.end, t.end + 12);
  return (
    /^\s+of\b/i.test(after) ||
    /\b(?:the|a|an|its|their|his|her|arms|weapons?|drones?|missiles?|’s|'s)\s+$/i.test(before) ||
    /s\s+$/i.test(before)
  );
};

/** Two unlinked neighbours that are one known name together ("North" + "Korean"). */
const relinkNeighbours = (
  text: string,
  entities: readonly EntityMention[],
  kb: KnowledgeBase,
): EntityMention[] => {
  const out: EntityMention[] = [];
  for (let i = 0; i < entities.length; i++) {
    const a = entities[i] as EntityMention;
    // "North Korean" tagged as "Korean" alone: the word in front completes a known name.
    const lead = /(?:^|\s)(North|South|East|West|New|Saudi|Czech)\s$/.exec(
      text.slice(Math.max(0, a.start - 7), a.start),
    );
    if (a.id.startsWith('local:') && lead?.[1] !== undefined) {
      const start = a.start - lead[1].length - 1;
      const known = kb
        .findByAlias(text.slice(start, a.end))
        .find((e) => e.type === 'GPE' || e.type === 'NORP');
      if (known !== undefined) {
        out.push({
          ...a,
          text: text.slice(start, a.end),
          start,
          type: known.type,
          id: known.id,
          name: known.name,
          method: 'alias',
        });
        continue;
      }
    }
    const b = entities[i + 1];
    if (
      b !== undefined &&
      (a.id.startsWith('local:') || b.id.startsWith('local:')) &&
      /^ $/.test(text.slice(a.end, b.start))
    ) {
      const known = kb
        .findByAlias(text.slice(a.start, b.end))
        .find((e) => e.type === 'GPE' || e.type === 'NORP' || e.type === 'ORG');
      if (known !== undefined) {
        out.push({
          ...a,
          text: text.slice(a.start, b.end),
          end: b.end,
          type: known.type,
          id: known.id,
          name: known.name,
          method: 'alias',
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
};

export interface EdgeDeps {
  readonly kb: KnowledgeBase;
  readonly published?: string;
}

type Draft = EdgeDraft;

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
  const drafts: Draft[] = [];
  const docActors: EdgeActor[] = [];
  const reliances: Reliance[] = [];
  let lastAid: { recipient: EdgeActor; supplier?: EdgeParty } | undefined;
  const sorted = relinkNeighbours(
    text,
    [...entities].sort((a, b) => a.start - b.start),
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
  for (const s of joinWrappedLines(text, sentences)) {
    // Sentences and mentions are both in text order: one sweep finds each sentence's mentions.
    while (from < sorted.length && (sorted[from] as EntityMention).start < s.start) from++;
    let to = from;
    while (to < sorted.length && (sorted[to] as EntityMention).start < s.end) to++;
    const inSentence = sorted.slice(from, to).filter((e) => e.end <= s.end);
    const body = text.slice(s.start, s.end);
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
  const rank = (d: Draft): number =>
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

const finish = (d: Draft, kb: KnowledgeBase): SupplyEdge => {
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

/** The reading of one sentence: its triggers, in order, each with its clause. */
class SentenceEdges {
  private readonly triggers: Trigger[];

  constructor(
    private readonly text: string,
    private readonly s: Sentence,
    private readonly items: readonly EdgeItem[],
    private readonly actors: readonly EdgeActor[],
    private readonly value: { amount: number; currency: string } | undefined,
    private readonly out: Draft[],
    private readonly earlier: (id: string, before: number) => EdgeActor | undefined,
    private readonly kb: KnowledgeBase,
    private readonly before: () => { recipient: EdgeActor; supplier?: EdgeParty } | undefined,
    /** The article so far: its reliances (appended to here) and the actors of earlier sentences. */
    private readonly doc: { reliances: Reliance[]; actors: readonly EdgeActor[] },
  ) {
    const body = text.slice(s.start, s.end);
    const found: Trigger[] = [];
    for (const { cls, re } of TRIGGERS) {
      re.lastIndex = 0;
      for (let m = re.exec(body); m !== null; m = re.exec(body)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (found.some((t) => start < t.end && end > t.start)) continue;
        // Words inside a system's name ("Phoenix Ghost") or an actor's are not verbs.
        if (items.some((i) => start >= i.start && end <= i.end && i.kind !== 'capability'))
          continue;
        // "the buying of used P-3 Orion": an adjective, not a verb of use.
        if (cls === 'use' && /^used$/i.test(m[0]) && items.some((i) => i.start === end + 1))
          continue;
        found.push({ cls, start, end, word: m[0] });
      }
    }
    this.triggers = found.sort((a, b) => a.start - b.start);
  }

  read(): void {
    const used = new Set<EdgeItem>();
    this.triggers.forEach((t, k) => {
      const next = this.triggers
        .slice(k + 1)
        .find(
          (n) => (n.cls !== 'ask' || t.cls === 'ask') && n.cls !== 'list' && !this.adjectival(n),
        );
      let limit = Math.min(next?.start ?? this.s.end, this.clauseEnd(t.end));
      // "to consider MLRS supply": the system right before a noun trigger is that trigger's.
      if (next !== undefined && isNominal(this.text, next, this.s.start)) {
        const owned = this.items.find(
          (i) => i.end <= next.start && /^\s*$/.test(this.text.slice(i.end, next.start)),
        );
        if (owned !== undefined) limit = Math.min(limit, owned.start);
      }
      const prev = k > 0 ? this.triggers[k - 1] : undefined;
      const made = this.readTrigger(t, limit, prev);
      made.forEach((d) => used.add(d.system));
    });
    this.readPossessives(used);
    this.readCapabilities(used);
  }

  /** "test-fired its newly acquired Silkworm": a participle in front of a noun, no verb of its own. */
  private adjectival(t: Trigger): boolean {
    return (
      /ed$/i.test(t.word) &&
      /\b(?:its|their)\s+(?:(?:newly|recently|just)\s+)?$|\b(?:newly|recently)\s+$/i.test(
        this.text.slice(Math.max(this.s.start, t.start - 24), t.start),
      )
    );
  }

  private clauseStart(at: number): number {
    const before = this.text.slice(this.s.start, at);
    const cut = Math.max(
      before.lastIndexOf(';'),
      before.lastIndexOf(': '),
      before.lastIndexOf(' — '),
    );
    return cut >= 0 ? this.s.start + cut + 1 : this.s.start;
  }

  private clauseEnd(from: number): number {
    const rest = this.text.slice(from, this.s.end);
    const m =
      /;|\s[—–]\s|,\s+(?:while|but|whereas|although|though|which(?!\s+(?:will\s+|would\s+)?includ)|that|who|where|addressed|written|said|says)\b|(?<!\b[A-Z])\.\s|\b(?:in order )?to\s+(?!the\s)(?:further\s+)?[a-z]{3,}\b/.exec(
        rest,
      );
    return m ? from + m.index : this.s.end;
  }

  /** The actor the clause is about before `at`, with actors coordinated to it ("Germany, Denmark and Norway"). */
  private subjects(at: number, floor: number, anyRole = false): EdgeActor[] {
    const before = this.actors.filter(
      (a) =>
        a.mention.end <= at &&
        a.mention.start >= floor &&
        (!anyRole || a.party.id?.startsWith('gpe:') === true),
    );
    for (let i = before.length - 1; i >= 0; i--) {
      const a = before[i] as EdgeActor;
      const lead = anyRole
        ? ''
        : this.text.slice(Math.max(floor, a.mention.start - 16), a.mention.start);
      const verbNext =
        /^\s+(?:(?:is|are|was|were|will|would|also|has|have|had|expected|set|going|due|now|then)\s+)*(?:to\s+)?$/i.test(
          this.text.slice(a.mention.end, at),
        );
      // "Iraq's enemy ... had fired the missiles": the enemy, not Iraq, is the subject.
      if (
        /^['’]s\s+(?:\p{Ll}+\s+)?(?:enem(?:y|ies)|foes?|rivals?|neighbou?rs?|adversar(?:y|ies)|opponents?)\b/u.test(
          this.text.slice(a.mention.end, a.mention.end + 40),
        )
      )
        continue;
      if (
        PREPOSITION_BEFORE.test(lead) &&
        // "Future of Europe depends on": the head noun, not Europe, is the subject.
        (!verbNext || /\bof\s+(?:the\s+)?$/i.test(lead)) &&
        !/\b(?:call(?:s|ed|ing)? (?:on|upon))\s+(?:the\s+)?$/i.test(lead)
      )
        continue;
      // "Slovenian Prime Minister Robert Golob": the demonym and the person are one subject.
      const group = [a];
      for (let j = i - 1; j >= 0; j--) {
        const b = before[j] as EdgeActor;
        const gap = this.text.slice(b.mention.end, (group[0] as EdgeActor).mention.start);
        if (/^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)$/.test(gap)) group.unshift(b);
        else break;
      }
      return group;
    }
    return [];
  }

  /** For "X for/of supplying": X when it is a party, undefined when it is not, null when no such gerund. */
  private gerundAgent(t: Trigger, floor: number): EdgeActor | undefined | null {
    const before = this.text.slice(Math.max(floor, t.start - 60), t.start);
    const m = /(\S+)\s+(?:for|of|over)\s+$/i.exec(before);
    if (!/ing$/i.test(t.word) || m === null) return null;
    const nounEnd = t.start - before.length + m.index + (m[1] ?? '').length;
    return this.actors.find((a) => a.mention.end === nounEnd && a.mention.start >= floor);
  }

  /** The first actor of the sentence that is not inside a prepositional phrase. */
  private mainSubject(): EdgeActor | undefined {
    return this.actors.find(
      (a) =>
        !PREPOSITION_BEFORE.test(
          this.text.slice(Math.max(this.s.start, a.mention.start - 16), a.mention.start),
        ),
    );
  }

  private actorAfter(from: number, to: number, lead: RegExp): EdgeActor | undefined {
    return this.actors.find((a) => {
      if (a.mention.start < from || a.mention.start >= to) return false;
      // "for Russian ships": a demonym in front of a noun is a modifier, not a party.
      if (
        a.mention.type === 'NORP' &&
        /^\s+\p{Ll}/u.test(this.text.slice(a.mention.end, a.mention.end + 3))
      )
        return false;
      return lead.test(this.text.slice(from, a.mention.start));
    });
  }

  private itemsIn(from: number, to: number): EdgeItem[] {
    return this.items.filter(
      (i) =>
        i.start >= from &&
        i.start < to &&
        i.kind !== 'capability' &&
        !this.actors.some((a) => a.mention.start <= i.start && a.mention.end >= i.end),
    );
  }

  private emit(
    t: Trigger,
    item: EdgeItem,
    recipient: EdgeActor | undefined,
    supplier: EdgeParty | undefined,
    lead: string,
    base: EdgeStatus,
    why: string[],
  ): Draft | undefined {
    if (recipient === undefined) return undefined;
    // "had Ukraine received more 155mm artillery in time": a counterfactual reports no transfer.
    if (
      /\b[Hh]ad\s+(?:\p{Lu}[\p{L}.-]*\s+){1,3}(?:\p{Ll}+ly\s+)?$/u.test(
        this.text.slice(Math.max(this.s.start, t.start - 48), t.start),
      )
    )
      return undefined;
    const modality =
      base === 'operates' || base === 'depends_on'
        ? {
            status: base,
            negated: /\b(?:not(?! only)|never|no longer|n't)\b/i.test(lead),
            hedged: false,
          }
        : readModality(lead, t.word, base);
    let sup = supplier;
    const reasons = [`trigger:${t.word.toLowerCase()}`, ...why];
    if (sup === undefined && item.originMention !== undefined) {
      const origin = this.actors.find((a) => a.mention === item.originMention);
      if (origin !== undefined) {
        sup = origin.party;
        reasons.push(`supplier from "${item.originMention.text}" in front of the system`);
      }
    }
    if (sup?.id !== undefined && sup.id === recipient.party.id) sup = undefined;
    if ('cue' in modality && modality.cue !== undefined) reasons.push(`cue:${modality.cue}`);
    if ('negation' in modality && modality.negation !== undefined)
      reasons.push(`negated by "${modality.negation}"`);
    if (recipient.via !== undefined) reasons.push(`recipient via ${recipient.via}`);
    const start = Math.min(t.start, item.start, recipient.mention.start, sup?.start ?? t.start);
    const end = Math.max(t.end, item.end, recipient.mention.end, sup?.end ?? t.end);
    const draft: Draft = {
      recipient: recipient.party,
      ...(sup !== undefined ? { supplier: sup } : {}),
      system: item,
      status: modality.status,
      negated: modality.negated,
      hedged: modality.hedged,
      start,
      end,
      reasons,
      ...(this.value !== undefined && base !== 'operates' && base !== 'depends_on'
        ? { value: this.value }
        : {}),
    };
    this.out.push(draft);
    return draft;
  }

  private readTrigger(t: Trigger, limit: number, prev: Trigger | undefined): Draft[] {
    // "Poland bought and transferred to Ukraine ...": verbs joined by "and" share their subject.
    const joined = prev !== undefined && /^\s+and\s+$/i.test(this.text.slice(prev.end, t.start));
    // "test-fired its newly acquired Silkworm": a participle's holder is the subject of the verb before.
    const floor = Math.max(
      this.clauseStart(t.start),
      prev !== undefined && prev.cls !== 'ask' && !joined && !this.adjectival(t)
        ? prev.end
        : this.s.start,
    );
    const leadFrom =
      prev?.cls === 'ask' && prev.start >= this.clauseStart(t.start) ? prev.start : floor;
    const lead = this.text.slice(Math.max(leadFrom, t.start - 120), t.start);
    const subjects = this.subjects(t.start, floor);
    const subject = subjects[subjects.length - 1];
    const before = this.text.slice(Math.max(this.s.start, t.start - 12), t.start);
    const after = this.text.slice(t.end, Math.min(this.s.end, t.end + 12));
    const nominal = isNominal(this.text, t, this.s.start);
    const out: Draft[] = [];
    const push = (d: Draft | undefined): void => {
      if (d !== undefined) out.push(d);
    };
    switch (t.cls) {
      case 'give': {
        const passive =
          /(?:ed|sent|given|sold)$/i.test(t.word) &&
          PASSIVE_LEAD.test(before) &&
          !/\b(?:has|have|had)\s+$/i.test(before);
        if (passive) {
          // "Krab howitzers, supplied by Poland", "were delivered to Ukraine", "U.S.-supplied rockets".
          const hyphenated = before.endsWith('-');
          const by = this.actorAfter(t.end, limit, /^[\s\S]*\b(?:by|from)\s+(?:the\s+)?$/i);
          const origin = hyphenated ? this.actors.find((a) => a.mention.end === t.start - 1) : by;
          const items = hyphenated
            ? this.itemsIn(t.end, Math.min(limit, t.end + 60)).slice(0, 1)
            : this.items
                .filter((i) => i.kind !== 'capability' && i.end <= t.start && i.end >= t.start - 40)
                .slice(-1);
          const to = this.actorAfter(t.end, limit, /^[\s\S]*\b(?:to|for)\s+(?:the\s+)?$/i);
          const firstAt = Math.min(origin?.mention.start ?? t.start, items[0]?.start ?? t.start);
          // "Ukraine used a U.S.-supplied rocket system" names the holder; "Russia says it destroyed ..." does not.
          const holder = [...this.actors]
            .reverse()
            .find(
              (a) =>
                a !== origin &&
                a.mention.end <= firstAt &&
                !(
                  a.mention.type === 'NORP' &&
                  /^\s+\p{Ll}/u.test(this.text.slice(a.mention.end, a.mention.end + 3))
                ) &&
                /\b(?:us(?:e|es|ed|ing)|fir(?:e|es|ed|ing)|operat\w+|deploy\w*|ha[sd]|have|receiv\w+|got|get|gets|field\w*|employ\w*)\b/i.test(
                  this.text.slice(a.mention.end, firstAt),
                ),
            );
          const operator = to ?? holder;
          for (const item of items)
            push(
              this.emit(
                t,
                item,
                operator ?? this.pendingRecipient(),
                origin?.party,
                lead,
                'delivered',
                ['passive'],
              ),
            );
          break;
        }
        if (nominal) {
          // "the supply of Iranian drones to Russia", "Iranian drones supplies to Russia".
          const explicitTo = this.actorAfter(t.end, limit, /^[\s\S]*\b(?:to|for)\s+(?:the\s+)?$/i);
          const carried = explicitTo === undefined ? this.carried(t) : undefined;
          // "Slovakia signs contract with Ukraine for supply of eight Zuzana 2": the party the
          // contract is with receives, the one signing it supplies.
          const partner =
            explicitTo === undefined && carried === undefined
              ? this.actors.find(
                  (a) =>
                    a.mention.end <= t.start &&
                    a.mention.start >= floor &&
                    /\b(?:contract|deal|agreement|accord)s?\s+with\s+(?:the\s+)?$/i.test(
                      this.text.slice(Math.max(floor, a.mention.start - 30), a.mention.start),
                    ),
                )
              : undefined;
          const signer =
            partner !== undefined
              ? subjects.find((a) => a.party.id !== partner.party.id)
              : undefined;
          // "Turkey wants to speed up the delivery of American F-16 fighter jets": the one wanting it gets it.
          const wanting =
            explicitTo === undefined &&
            carried === undefined &&
            partner === undefined &&
            subjects.length === 1 &&
            subjects[0] !== undefined &&
            /\b(?:wants?|wanted|seeks?|sought|awaits?|awaited|expects?|expected|speed(?:s|ing)? up|hasten\w*|accelerat\w*)\b/i.test(
              this.text.slice(subjects[0].mention.end, t.start),
            )
              ? subjects[0]
              : undefined;
          const to = explicitTo ?? carried?.recipient ?? partner ?? wanting;
          const from = this.actorAfter(t.end, limit, /^[\s\S]*\bfrom\s+(?:the\s+)?$/i);
          const owner = this.actors.find(
            (a) =>
              /^\s*['’]s\s/.test(this.text.slice(a.mention.end, a.mention.end + 4)) &&
              a.mention.end >= t.start - 20 &&
              a.mention.end <= t.start,
          );
          // "U.S. may approve transfer of rocket systems to Ukraine": the one deciding on it supplies.
          const others = subjects.filter((a) => a.party.id !== to?.party.id);
          const decider =
            others.length === 1 &&
            others[0] !== undefined &&
            DECISION.test(this.text.slice(others[0].mention.end, t.start)) &&
            !/\band\b/i.test(
              this.text.slice((subjects[subjects.length - 1] as EdgeActor).mention.end, t.start),
            )
              ? others[0]
              : undefined;
          let items = this.itemsIn(
            t.end,
            to !== undefined && to.mention.start > t.end ? to.mention.start : limit,
          );
          if (items.length === 0)
            items = this.items.filter(
              (i) => i.kind !== 'capability' && i.end <= t.start && i.end >= t.start - 30,
            );
          for (const item of items)
            push(
              this.emit(
                t,
                item,
                to,
                (from ?? owner)?.party ?? carried?.supplier ?? signer?.party ?? decider?.party,
                lead,
                partner !== undefined ? 'ordered' : 'delivered',
                [
                  (from ?? owner ?? carried)
                    ? 'nominal'
                    : 'nominal, supplier from the clause subject',
                ],
              ),
            );
          break;
        }
        // Active: "Canada to give Ukraine 20,000 shells", "Norway has transferred 14 LAV III to Ukraine".
        // "give Ukraine 20,000 shells", but not "supplying Turkish drones" (an origin, not a recipient).
        const direct = this.actors.find(
          (a) =>
            a.mention.start >= t.end &&
            /^\s+(?:the\s+)?$/.test(this.text.slice(t.end, a.mention.start)) &&
            !(
              (a.mention.type === 'NORP' || /^[A-Z.]{2,5}$/.test(a.mention.text)) &&
              this.items.some((i) => i.originMention === a.mention)
            ),
        );
        // The previous verb's recipient is not this verb's subject ("supply Ukraine with X, as well as consider supplying Y").
        let own = subjects.filter((a) => a.mention !== this.lastGive?.recipient.mention);
        // "sanctions against Iran for supplying Russia with drones": a gerund's agent is the noun before
        // "for"; "accused the dual citizen of buying drones": when that noun is no party, there is none.
        const gerundAgent = this.gerundAgent(t, floor);
        if (gerundAgent !== null) own = gerundAgent === undefined ? [] : [gerundAgent];
        let to =
          direct ?? this.actorAfter(t.end, limit, /^[\s\S]*\b(?:to|for|into)\s+(?:the\s+)?$/i);
        // "urges Ukraine's western partners to send fighter jets": Ukraine receives, the partners are unnamed.
        const patron =
          own.length === 1 &&
          own[0] !== undefined &&
          /^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}(?:partners|allies|friends|backers|supporters)\b/u.test(
            this.text.slice(own[0].mention.end, own[0].mention.end + 40),
          )
            ? own[0]
            : undefined;
        if (patron !== undefined && to === undefined) {
          to = patron;
          own = [];
        }
        // "In addition to HIMARS systems, Stinger and Javelin missiles, ..., the United States has provided":
        // a fronted list belongs to the verb.
        const fronted = /^\s*(?:in addition to|besides|apart from|along with|on top of)\b/i.exec(
          this.text.slice(this.clauseStart(t.start), t.start),
        );
        const frontItems =
          fronted !== null
            ? this.itemsIn(this.clauseStart(t.start), own[0]?.mention.start ?? t.start)
            : [];
        // After a "to X" recipient only what follows it directly belongs to this verb
        // ("sent to Ukraine a batch of howitzers", not "..., set up air defense in Germany").
        const items = [...frontItems, ...this.itemsIn(t.end, limit)].filter((i) => {
          if (
            to === undefined ||
            to === direct ||
            to.mention.start < t.end ||
            i.start < to.mention.start
          )
            return true;
          const gap = this.text.slice(to.mention.end, i.start);
          return (
            !/[,;]/.test(gap) ||
            /\b(?:includ\w*|such as|namely|in particular|notably|among them|comprising)\b/i.test(
              gap,
            )
          );
        });
        let givers: (EdgeParty | undefined)[] =
          own.length > 0 ? own.map((a) => a.party) : [undefined];
        const carried = own.length === 0 && to === undefined ? this.carried(t) : undefined;
        if (carried !== undefined) {
          to = carried.recipient;
          givers = [carried.supplier];
        }
        // "Berlin has declined to send Leopard tanks": the recipient of the aid discussed just before.
        const context = to === undefined && carried === undefined ? this.before() : undefined;
        if (context !== undefined && !own.some((a) => a.party.id === context.recipient.party.id))
          to = context.recipient;
        // "gave Iran cash ... in exchange for drones": what comes back goes the other way.
        const exchange = /\bin (?:exchange|return) for\b/i.exec(this.text.slice(t.end, limit));
        const backAt = exchange !== null ? t.end + exchange.index : Infinity;
        for (const supplier of givers)
          for (const item of items) {
            if (item.start > backAt) {
              const giver = own[0];
              if (giver !== undefined && to !== undefined)
                push(this.emit(t, item, giver, to.party, lead, 'delivered', ['in exchange']));
              continue;
            }
            const why = carried ? ['coordinated with the previous clause'] : [];
            push(this.emit(t, item, to, supplier, lead, 'delivered', why));
          }
        if (to !== undefined)
          this.lastGive = {
            recipient: to,
            ...(givers[0] !== undefined ? { supplier: givers[0] } : {}),
            end: t.end,
          };
        break;
      }
      case 'arrive': {
        // "HIMARS, howitzers, tanks coming in": the items of the clause before the verb arrive at the
        // place named after it or at the party the clause is about.
        const at = this.actorAfter(t.end, limit, /^\s+(?:in|to|at)\s+(?:the\s+)?$/i);
        const holder = at ?? this.subjects(t.start, this.s.start)[0] ?? this.before()?.recipient;
        const from = this.actorAfter(t.end, limit, /^[\s\S]*\bfrom\s+(?:the\s+)?$/i);
        for (const item of this.itemsIn(this.clauseStart(t.start), t.start))
          push(this.emit(t, item, holder, from?.party, lead, 'delivered', ['arrival']));
        break;
      }
      case 'list': {
        // "a package including 800 Stinger anti-aircraft systems, 2,000 Javelin...": a give with its
        // roles from the sentence (or the aid announced just before).
        const sentenceStart = this.clauseStart(t.start);
        if (!AID_WORDS.test(this.text.slice(sentenceStart, t.start))) break;
        if (this.triggers.some((o) => o.cls === 'give' && o.end <= t.start)) break;
        const to =
          this.actorAfter(t.end, limit, /^[\s\S]*\b(?:to|for)\s+(?:the\s+)?$/i) ??
          this.actorAfter(sentenceStart, t.start, /^[\s\S]*\b(?:to|for)\s+(?:the\s+)?$/i) ??
          this.previous()?.recipient;
        // "The new package of U.S. aid to Ukraine ... will include": the state in front of "aid" gives it.
        const giver =
          this.mainSubject() ??
          this.actors.find((a) =>
            /^\s+(?:military\s+|security\s+|defen[cs]e\s+)?(?:aid|assistance|package)\b/i.test(
              this.text.slice(a.mention.end, a.mention.end + 30),
            ),
          );
        const supplier =
          giver !== undefined && giver !== to ? giver.party : this.previous()?.supplier;
        const listLead = this.text.slice(sentenceStart, t.start);
        for (const item of this.itemsIn(t.end, this.clauseEnd(t.end)))
          push(
            this.emit(
              t,
              item,
              to,
              supplier,
              listLead,
              /\b(?:has|have|had)\s+(?:been\s+)?(?:provided|sent|delivered|supplied|transferred|donated)\b|\b(?:provided|sent|delivered|supplied|transferred|donated)\b/i.test(
                listLead,
              ) && !/\b(?:will|to be)\b/i.test(listLead)
                ? 'delivered'
                : 'committed',
              ['aid list'],
            ),
          );
        break;
      }
      case 'get': {
        const from = this.actorAfter(t.end, limit, /^[\s\S]*\bfrom\s+(?:the\s+)?$/i);
        // "Kiev will receive four rocket systems ..., Pentagon chief says": the state body announcing
        // what another state will receive is the one that gives it.
        const announcer =
          from === undefined
            ? this.actors.find(
                (a) =>
                  a.mention.start >= t.end &&
                  a.party.id !== subject?.party.id &&
                  /^(?:ministry|office|armed-force|seat)/.test(a.via ?? '') &&
                  /^(?:\s+\p{Ll}+){0,2}\s+(?:says|said|announced|told)\b/u.test(
                    this.text.slice(a.mention.end, a.mention.end + 24),
                  ),
              )
            : undefined;
        const why = announcer !== undefined ? ['supplier: the state body announcing it'] : [];
        for (const item of this.itemsIn(t.end, limit))
          push(this.emit(t, item, subject, (from ?? announcer)?.party, lead, 'delivered', why));
        break;
      }
      case 'buy': {
        if (/ed$/i.test(t.word) && /^\s+by\b/i.test(after)) {
          // "HIMARS acquired by their governments", "F-16s bought by Norway".
          const by = this.actorAfter(t.end, limit, /^\s+by\s+(?:the\s+)?$/i);
          const items = this.items
            .filter((i) => i.kind !== 'capability' && i.end <= t.start && i.end >= t.start - 40)
            .slice(-1);
          const firstItem = items[0];
          const at = Math.min(
            firstItem?.originMention?.start ?? t.start,
            firstItem?.start ?? t.start,
          );
          const owners =
            by !== undefined
              ? [by]
              : /^\s+by\s+(?:their|its)\b/i.test(after)
                ? this.subjects(at, this.s.start, true)
                : [];
          for (const owner of owners)
            for (const item of items)
              push(this.emit(t, item, owner, undefined, lead, 'ordered', ['passive']));
          break;
        }
        const forWhom = this.actorAfter(t.end, limit, /^[\s\S]*\bfor\s+(?:the\s+)?$/i);
        const from = this.actorAfter(t.end, limit, /^[\s\S]*\bfrom\s+(?:the\s+)?$/i);
        const owner = nominal
          ? this.actors.find((a) => a.mention.end <= t.start && a.mention.end >= t.start - 20)
          : undefined;
        const items = this.itemsIn(t.end, limit);
        const agent = this.gerundAgent(t, floor);
        if (agent === undefined) break;
        if (forWhom !== undefined) {
          for (const buyer of subjects)
            for (const item of items)
              push(this.emit(t, item, forWhom, buyer.party, lead, 'ordered', ['bought for']));
        } else {
          for (const item of items)
            push(this.emit(t, item, owner ?? subject, from?.party, lead, 'ordered', []));
        }
        break;
      }
      case 'ask': {
        if (/\sfor$/i.test(t.word)) {
          // "European demand for Patriot systems", "Ukraine's request for F-16s".
          const wanting = this.actors.find(
            (a) =>
              a.mention.end <= t.start &&
              /^(?:['’]s)?\s+(?:[\p{Ll}-]+\s+)?$/u.test(this.text.slice(a.mention.end, t.start)),
          );
          for (const item of this.itemsIn(t.end, limit))
            push(this.emit(t, item, wanting, undefined, lead, 'requested', ['nominal request']));
          break;
        }
        if (/^need/i.test(t.word)) {
          // "Ukraine urgently needs more air defense weapons".
          const items = this.itemsIn(t.end, limit).filter((i) =>
            /^\s*(?:(?:more|new|modern|additional|further|urgently|[\d,]+)\s+)*$/i.test(
              this.text.slice(t.end, i.start),
            ),
          );
          for (const item of items.slice(0, 1))
            push(this.emit(t, item, subject, undefined, lead, 'requested', ['need']));
          break;
        }
        // "Zelensky asks Portugal for tanks": the asker wants, the one asked would supply.
        const asked = this.actors.find(
          (a) => a.mention.start >= t.end && a.mention.start <= t.end + 4,
        );
        const forAt = this.text.slice(t.end, limit).search(/\bfor\b/i);
        if (forAt < 0) break;
        for (const item of this.itemsIn(t.end + forAt, limit))
          push(this.emit(t, item, subject, asked?.party, lead, 'requested', []));
        break;
      }
      case 'use': {
        // "hit the Russian warship with cruise missiles": the weapons are the attacker's, not the ship's.
        if (
          /\swith$/i.test(t.word) &&
          /\b(?:hit|hits|struck|strikes?|attack\w*|fired|fire[sd]? (?:at|on)|sank|sunk|destroy\w*|damag\w*|target\w*)\s+(?:[\p{L}-]+\s+){0,3}$/iu.test(
            this.text.slice(Math.max(this.s.start, t.start - 40), t.start),
          )
        )
          break;
        // "with the use of mortars": a noun with no user named after it says nothing about who.
        if (
          /\b(?:the|of)\s+$/i.test(before) &&
          !/^\s+of\b[^.;]*\bby\b/i.test(this.text.slice(t.end, limit))
        )
          break;
        const by = this.actorAfter(t.end, limit, /^[\s\S]*\bby\s+(?:the\s+)?$/i);
        const operator = subject ?? by;
        // "Russian ships fired artillery shells": firing says who holds a named system, not a class.
        const firing = /fir(?:e|es|ed|ing)$/i.test(t.word);
        for (const item of this.itemsIn(t.end, limit))
          if (!firing || item.kind === 'weapon')
            push(this.emit(t, item, operator, undefined, lead, 'operates', []));
        break;
      }
      case 'rely': {
        // Energy, trade and money dependence is not the defence dependence edges describe.
        if (
          /\b(?:energy|gas|oil|fuel|economic|trade|financial|food|grain|coal)\s+(?:[\p{L}-]+\s+)?$/iu.test(
            lead,
          )
        )
          break;
        let who = subject;
        const anaphor = ANAPHOR.exec(lead);
        const id = anaphor?.[1] !== undefined ? ANAPHOR_IDS[anaphor[1].toLowerCase()] : undefined;
        if (id !== undefined)
          who =
            this.actors.find((a) => a.party.id === id && a.mention.end <= t.start) ??
            this.earlier(id, t.start) ??
            who;
        else if (/\b(?:their|its)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(lead))
          who =
            this.subjects(this.s.end, this.s.start).length > 0 ? (this.mainSubject() ?? who) : who;
        const why: string[] = [];
        // "Additionally, this strategy depends on U.S. support in ...": the party the article last
        // said relies on someone.
        if (who === undefined && RELIANT_ANAPHOR.test(lead)) {
          const stated = lastReliance(this.doc.reliances)?.recipient;
          if (stated !== undefined) {
            who = anchored(stated, t.start);
            why.push('reliant party from the reliance stated before');
          }
        }
        // "reliance on the United States", not "dependence on Russian gas".
        const on = this.actors.find(
          (a) =>
            a.mention.start >= t.end &&
            a.mention.start < limit &&
            /^\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/u.test(this.text.slice(t.end, a.mention.start)) &&
            !/^(?:['’]s)?\s+\p{Ll}/u.test(this.text.slice(a.mention.end, a.mention.end + 4)),
        );
        const things = this.items.filter((i) => i.start >= t.end && i.start < limit);
        if (things.length === 0 && on !== undefined) {
          push(
            this.emit(
              t,
              {
                kind: 'capability',
                ...(on.party.id !== undefined ? { id: on.party.id } : {}),
                name: on.party.name,
                text: on.mention.text,
                start: on.mention.start,
                end: on.mention.end,
              },
              who,
              on.party,
              lead,
              'depends_on',
              why,
            ),
          );
        }
        // "depends on U.S. support in intelligence sharing, air-to-air refueling": the state in front of
        // the list supplies every capability in it.
        const provider =
          on ??
          this.actors.find(
            (a) =>
              a.mention.start >= t.end &&
              /^\s+(?:the\s+)?$/u.test(this.text.slice(t.end, a.mention.start)),
          );
        for (const item of things)
          push(this.emit(t, item, who, provider?.party, lead, 'depends_on', why));
        const named = on ?? provider;
        if (who !== undefined && named !== undefined && named.party.id !== who.party.id)
          this.doc.reliances.push({ recipient: who, supplier: named.party });
        break;
      }
    }
    return out;
  }

  /** A passive with no recipient in the sentence: filled from the article's main recipient later. */
  private pendingRecipient(): EdgeActor | undefined {
    return undefined;
  }

  private lastGive: { recipient: EdgeActor; supplier?: EdgeParty; end: number } | undefined;

  lastAid(): { recipient: EdgeActor; supplier?: EdgeParty } | undefined {
    return this.lastGive;
  }

  /** The aid announced last in this sentence or the one before ("... for Ukraine. The package includes ..."). */
  private previous(): { recipient: EdgeActor; supplier?: EdgeParty } | undefined {
    return this.lastGive ?? this.before();
  }

  /** "Germany will supply Ukraine with X, as well as consider supplying Y": the roles carry over. */
  private carried(t: Trigger): { recipient: EdgeActor; supplier?: EdgeParty } | undefined {
    const last = this.lastGive;
    if (last === undefined) return undefined;
    return /(?:\band\b|\bas well as\b|,)/i.test(this.text.slice(last.end, t.start))
      ? last
      : undefined;
  }

  /** "Ukraine's NASAMS", "Ukrainian Neptune missile": possession in service. */
  private readPossessives(used: ReadonlySet<EdgeItem>): void {
    for (const item of this.items) {
      if (used.has(item) || item.kind === 'capability') continue;
      const owner = this.actors.find((a) => {
        const gap = this.text.slice(a.mention.end, item.start);
        // "Japan's new fighter aircraft for the 1990's": one still to be chosen is not in service.
        if (/^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}$/u.test(gap))
          return !/\b(?:new|future|next|planned|proposed|own)\b/i.test(gap);
        // "hit by a Ukrainian Neptune missile": the demonym of the one using it; elsewhere
        // ("Iranian drones") it is as often the origin, so it is not read.
        // "posed by Chinese-made Silkworm missiles": a hyphenated maker is the origin, not the user.
        return (
          item.kind === 'weapon' &&
          a.mention.type === 'NORP' &&
          !/-(?:made|built|designed|produced|manufactured|supplied)$/i.test(a.mention.text) &&
          /^\s+(?:[\p{Ll}-]+\s+){0,1}$/u.test(gap) &&
          /\b(?:by|with|from)\s+(?:an?\s+|the\s+)?$/i.test(
            this.text.slice(Math.max(this.s.start, a.mention.start - 12), a.mention.start),
          )
        );
      });
      const pronoun =
        owner === undefined &&
        item.kind === 'weapon' &&
        /\b(?:its|their)\s+(?:[\p{Ll}-]+\s+)?$/u.test(
          this.text.slice(Math.max(this.s.start, item.start - 30), item.start),
        );
      if (pronoun) {
        // "the operation of its F-16s": the nearest state named before owns them.
        const near = [...this.actors]
          .reverse()
          .find((a) => a.mention.end <= item.start && a.party.id?.startsWith('gpe:'));
        if (near !== undefined) {
          const t: Trigger = {
            cls: 'use',
            start: item.start,
            end: item.start,
            word: 'possessive pronoun',
          };
          this.emit(t, item, near, undefined, '', 'operates', []);
        }
        continue;
      }
      if (owner === undefined) continue;
      const t: Trigger = {
        cls: 'use',
        start: owner.mention.end,
        end: owner.mention.end,
        word: 'possessive',
      };
      this.emit(t, item, owner, undefined, '', 'operates', []);
    }
  }

  /**
   * "It can withhold software updates, spare parts": a provider the article said others rely on,
   * named here or by a pronoun, cutting off a capability; the reliant party is the one stated before.
   */
  private readWithheld(item: EdgeItem): void {
    const lead = this.text.slice(this.clauseStart(item.start), item.start);
    const verb = WITHHOLD.exec(lead);
    if (verb === null) return;
    const verbAt = this.clauseStart(item.start) + verb.index;
    const named = this.subjects(verbAt, this.clauseStart(item.start))[0];
    let reliance: Reliance | undefined;
    if (named !== undefined) reliance = lastReliance(this.doc.reliances, named.party.id);
    else if (PRONOUN_SUBJECT.test(this.text.slice(this.s.start, verbAt))) {
      // The pronoun stands for the last provider named in this sentence or the one before.
      const near = [...this.doc.actors, ...this.actors.filter((a) => a.mention.end <= verbAt)]
        .filter((a) => a.mention.start >= this.s.start - 400)
        .reverse()
        .find((a) => lastReliance(this.doc.reliances, a.party.id) !== undefined);
      if (near !== undefined) reliance = lastReliance(this.doc.reliances, near.party.id);
    }
    if (reliance === undefined) return;
    const t: Trigger = { cls: 'rely', start: verbAt, end: verbAt + verb[0].length, word: verb[0] };
    // The provider was named sentences before: it keeps no offsets, so the evidence stays in this sentence.
    const supplier: EdgeParty = {
      ...(reliance.supplier.id !== undefined ? { id: reliance.supplier.id } : {}),
      name: reliance.supplier.name,
    };
    this.emit(t, item, anchored(reliance.recipient, verbAt), supplier, '', 'depends_on', [
      'provider withholding a capability the article says is relied on',
    ]);
  }

  /** "halt of intelligence sharing with Ukraine", "Starlink denied Ukrainian access". */
  private readCapabilities(used: ReadonlySet<EdgeItem>): void {
    const body = this.text.slice(this.s.start, this.s.end);
    if (!CAPABILITY_CUE.test(body)) return;
    for (const item of this.items) {
      if (item.kind !== 'capability' || used.has(item)) continue;
      const after = this.actors.find(
        (a) =>
          a.mention.start >= item.end &&
          a.mention.start <= item.end + 40 &&
          /^\s+(?:\w+\s+){0,2}(?:with|for|to)\s+(?:the\s+)?$/i.test(
            this.text.slice(item.end, a.mention.start),
          ),
      );
      const denied = this.actors.find(
        (a) =>
          a.mention.type === 'NORP' &&
          a.mention.start > item.end &&
          /\bden(?:y|ied|ies)\s+$/i.test(this.text.slice(item.end, a.mention.start)),
      );
      const recipient = after ?? denied;
      if (recipient === undefined) {
        this.readWithheld(item);
        continue;
      }
      const provider = this.actors.find(
        (a) =>
          a.mention.start <= item.start && a.mention.end >= item.end && a.mention.type === 'ORG',
      );
      const parent =
        provider?.party.id !== undefined ? this.kb.get(provider.party.id)?.parent : undefined;
      const parentEntity = parent !== undefined ? this.kb.get(parent) : undefined;
      const supplier: EdgeActor | undefined =
        provider !== undefined
          ? parentEntity !== undefined
            ? { ...provider, party: { id: parentEntity.id, name: parentEntity.name } }
            : provider
          : item.originMention !== undefined
            ? undefined
            : this.subjects(item.start, this.s.start)[0];
      const t: Trigger = { cls: 'rely', start: item.start, end: item.end, word: 'capability' };
      this.emit(
        t,
        item,
        recipient,
        supplier?.party !== recipient.party ? supplier?.party : undefined,
        '',
        'depends_on',
        ['capability with its user'],
      );
    }
  }
}
