import type { EdgeParty, EdgeStatus } from '../../core/supply-edge.js';
import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { Sentence } from '../tokenize.js';
import type { EdgeActor } from './edge-actors.js';
import { coordinatedStates } from './coordinated-states.js';
import type { EdgeItem } from './edge-items.js';
import type { Reliance } from './edge-reliance.js';
import { OTHER_CLAUSE, readModality } from './edge-status.js';
import type { EdgeDraft } from './merge-edges.js';
import { type Trigger, TRIGGERS, PREPOSITION_BEFORE } from './edge-triggers.js';

/** "the Government of Poland", "the Kingdom of Saudi Arabia": the state itself, not a phrase about it. */
const GOVERNMENT_OF =
  /\b(?:the\s+)?(?:governments?|republic|kingdom|sultanate|state|emirates?|ministry of (?:national\s+)?defen[cs]e)\s+of\s+(?:the\s+)?$/i;

/** In front of a system named only as a yardstick: "similar to the U.S.", "comparable to". */
const COMPARED_WITH =
  /\b(?:similar|comparable|equivalent|analogous|akin|identical)\s+to\s+(?:the\s+|those\s+of\s+(?:the\s+)?)?(?:[\p{L}.'’-]+\s+){0,2}$/iu;

/** Between a system and its maker's demonym: "the Mongoose of ", "Panther, built by the ". */
const MAKER_AFTER =
  /^(?:\s+[\p{Lu}\d][\p{L}\d-]*)?,?\s+(?:of|from|by|made by|built by|produced by|developed by)\s+(?:the\s+|an?\s+)?/u;
/** The noun after the demonym that makes it a maker: "Italian producer", "French firm". */
const MAKER_NOUN =
  /^\s+(?:(?:state-owned|defen[cs]e|arms|aerospace|helicopter|aircraft)\s+)?(?:producer|firm|maker|manufacturer|company|group|builder|concern|contractor|consortium)s?\b/i;

/** What a trigger's reader gets from the sentence reading: the trigger, its clause and the words around it. */
export interface TriggerContext {
  readonly t: Trigger;
  readonly limit: number;
  readonly floor: number;
  readonly lead: string;
  readonly subjects: readonly EdgeActor[];
  readonly subject: EdgeActor | undefined;
  readonly before: string;
  readonly after: string;
  readonly nominal: boolean;
  readonly push: (d: EdgeDraft | undefined) => void;
}

/**
 * One sentence as the trigger readers see it: its triggers, items and actors, and the clause helpers
 * they share (subjects, the actor after a preposition, the items in a span, emitting a draft).
 */
export class ClauseReader {
  readonly triggers: Trigger[];

  constructor(
    readonly text: string,
    readonly s: Sentence,
    readonly items: readonly EdgeItem[],
    readonly actors: readonly EdgeActor[],
    readonly value: { amount: number; currency: string } | undefined,
    readonly out: EdgeDraft[],
    readonly earlier: (id: string, before: number) => EdgeActor | undefined,
    readonly kb: KnowledgeBase,
    readonly before: () => { recipient: EdgeActor; supplier?: EdgeParty } | undefined,
    /** The article so far: its reliances (appended to here) and the actors of earlier sentences. */
    readonly doc: { reliances: Reliance[]; actors: readonly EdgeActor[] },
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

  /** "test-fired its newly acquired Silkworm": a participle in front of a noun, no verb of its own. */
  adjectival(t: Trigger): boolean {
    return (
      /ed$/i.test(t.word) &&
      /\b(?:its|their)\s+(?:(?:newly|recently|just)\s+)?$|\b(?:newly|recently)\s+$/i.test(
        this.text.slice(Math.max(this.s.start, t.start - 24), t.start),
      )
    );
  }

  clauseStart(at: number): number {
    const before = this.text.slice(this.s.start, at);
    const cut = Math.max(
      before.lastIndexOf(';'),
      before.lastIndexOf(': '),
      before.lastIndexOf(' — '),
    );
    return cut >= 0 ? this.s.start + cut + 1 : this.s.start;
  }

  clauseEnd(from: number): number {
    const rest = this.text.slice(from, this.s.end);
    const m =
      /;|\s[—–]\s|,\s+(?:while|but|whereas|although|though|which(?!\s+(?:will\s+|would\s+)?includ)|that|who|where|addressed|written|said|says)\b|(?<!\b[A-Z])\.\s|\b(?:in order )?to\s+(?!the\s)(?:further\s+)?[a-z]{3,}\b/.exec(
        rest,
      );
    return m ? from + m.index : this.s.end;
  }

  /** The actor the clause is about before `at`, with actors coordinated to it ("Germany, Denmark and Norway"). */
  subjects(at: number, floor: number, anyRole = false): EdgeActor[] {
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
        // "The Government of Poland has requested to buy": the government is the state (not "in
        // support of the government of Iraq").
        !this.governmentSubject(a, floor) &&
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
        // "Denmark and the Netherlands are to give": an article may open the second name.
        if (/^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?$/.test(gap)) group.unshift(b);
        else break;
      }
      return group;
    }
    return [];
  }

  private governmentSubject(a: EdgeActor, floor: number): boolean {
    const lead = this.text.slice(Math.max(floor, a.mention.start - 48), a.mention.start);
    const m = GOVERNMENT_OF.exec(lead);
    return m !== null && !PREPOSITION_BEFORE.test(lead.slice(0, m.index));
  }

  /** For "X for/of supplying": X when it is a party, undefined when it is not, null when no such gerund. */
  gerundAgent(t: Trigger, floor: number): EdgeActor | undefined | null {
    const before = this.text.slice(Math.max(floor, t.start - 60), t.start);
    const m = /(\S+)\s+(?:for|of|over)\s+$/i.exec(before);
    if (!/ing$/i.test(t.word) || m === null) return null;
    const nounEnd = t.start - before.length + m.index + (m[1] ?? '').length;
    return this.actors.find((a) => a.mention.end === nounEnd && a.mention.start >= floor);
  }

  /** The first actor of the sentence that is not inside a prepositional phrase. */
  mainSubject(): EdgeActor | undefined {
    return this.actors.find(
      (a) =>
        !PREPOSITION_BEFORE.test(
          this.text.slice(Math.max(this.s.start, a.mention.start - 16), a.mention.start),
        ),
    );
  }

  actorAfter(from: number, to: number, lead: RegExp): EdgeActor | undefined {
    return this.actors.find((a) => {
      if (a.mention.start < from || a.mention.start >= to) return false;
      // "for Russian ships": a demonym in front of a noun is a modifier, not a party.
      if (
        a.mention.type === 'NORP' &&
        /^\s+\p{Ll}/u.test(this.text.slice(a.mention.end, a.mention.end + 3))
      )
        return false;
      // "a possible Foreign Military Sale to the Government of Poland": the government is the state.
      return lead.test(this.text.slice(from, a.mention.start).replace(GOVERNMENT_OF, ''));
    });
  }

  itemsIn(from: number, to: number): EdgeItem[] {
    return this.items.filter(
      (i) =>
        i.start >= from &&
        i.start < to &&
        i.kind !== 'capability' &&
        !this.actors.some((a) => a.mention.start <= i.start && a.mention.end >= i.end) &&
        // "three launchers similar to the U.S. HIMARS": the system compared with is not the one sent.
        !COMPARED_WITH.test(this.text.slice(Math.max(this.s.start, i.start - 48), i.start)),
    );
  }

  emit(
    t: Trigger,
    item: EdgeItem,
    recipient: EdgeActor | undefined,
    supplier: EdgeParty | undefined,
    lead: string,
    base: EdgeStatus,
    why: string[],
  ): EdgeDraft | undefined {
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
            // "would not let Iran use X": a negation before the user belongs to another verb.
            negated: /\b(?:not(?! only)|never|no longer|n't)\b/i.test(
              lead
                .replace(OTHER_CLAUSE, '')
                .slice(Math.max(0, lead.length - Math.max(0, t.start - recipient.mention.end))),
            ),
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
    if (sup === undefined) {
      // "the Mongoose of Italian producer Agusta": the maker's state, named by its demonym, supplies.
      const maker = this.makerAfter(item);
      if (maker !== undefined) {
        sup = maker.party;
        reasons.push(`supplier from the maker "${maker.mention.text}" named after the system`);
      }
    }
    if (sup?.id !== undefined && sup.id === recipient.party.id) sup = undefined;
    if ('cue' in modality && modality.cue !== undefined) reasons.push(`cue:${modality.cue}`);
    if ('negation' in modality && modality.negation !== undefined)
      reasons.push(`negated by "${modality.negation}"`);
    if (recipient.via !== undefined) reasons.push(`recipient via ${recipient.via}`);
    const start = Math.min(t.start, item.start, recipient.mention.start, sup?.start ?? t.start);
    const end = Math.max(t.end, item.end, recipient.mention.end, sup?.end ?? t.end);
    const draft: EdgeDraft = {
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
    // "West Germany, the Netherlands and Japan bought Patriot": every state of the list.
    for (const other of coordinatedStates(this.actors, recipient, this.text, sup?.id))
      this.out.push({
        ...draft,
        recipient: other.party,
        reasons: [...reasons, `recipient coordinated with ${recipient.party.name}`],
      });
    return draft;
  }

  /** The state of the maker named right after a system: "X of Italian producer Y", "X, built by French firm Y". */
  makerAfter(item: EdgeItem): EdgeActor | undefined {
    const m = MAKER_AFTER.exec(this.text.slice(item.end, Math.min(this.s.end, item.end + 48)));
    if (m === null) return undefined;
    const at = item.end + m[0].length;
    return this.actors.find(
      (a) =>
        a.mention.start === at &&
        a.party.id?.startsWith('gpe:') === true &&
        MAKER_NOUN.test(this.text.slice(a.mention.end, a.mention.end + 24)),
    );
  }

  /** A passive with no recipient in the sentence: filled from the article's main recipient later. */
  pendingRecipient(): EdgeActor | undefined {
    return undefined;
  }

  lastGive: { recipient: EdgeActor; supplier?: EdgeParty; end: number } | undefined;

  lastAid(): { recipient: EdgeActor; supplier?: EdgeParty } | undefined {
    return this.lastGive;
  }

  /** The aid announced last in this sentence or the one before ("... for Ukraine. The package includes ..."). */
  previous(): { recipient: EdgeActor; supplier?: EdgeParty } | undefined {
    return this.lastGive ?? this.before();
  }

  /** "Germany will supply Ukraine with X, as well as consider supplying Y": the roles carry over. */
  carried(t: Trigger): { recipient: EdgeActor; supplier?: EdgeParty } | undefined {
    const last = this.lastGive;
    if (last === undefined) return undefined;
    return /(?:\band\b|\bas well as\b|,)/i.test(this.text.slice(last.end, t.start))
      ? last
      : undefined;
  }
}
