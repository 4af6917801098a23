import type { EntityType, KnowledgeBase } from '../../kb/kb-types.js';
import type { EntityMention } from '../find-entities.js';
import type { Sentence } from '../tokenize.js';

export const RELATIONS_VERSION = 'relations-1';

export type Predicate =
  | 'member_of'
  | 'acquires'
  | 'operates'
  | 'supplies'
  | 'manufactures'
  | 'deploys_to'
  | 'holds_office'
  | 'depends_on';

export interface RelationArgument {
  readonly id?: string;
  readonly name: string;
  /** Offsets of the mention in the text (absent for an office resolved from the KB). */
  readonly start?: number;
  readonly end?: number;
}

export interface Relation {
  readonly subject: RelationArgument;
  readonly predicate: Predicate;
  readonly object: RelationArgument;
  readonly negated: boolean;
  /** Evidence: the stretch of text from the first argument to the last (or the trigger). */
  readonly start: number;
  readonly end: number;
  /** The weapon supplied or deployed, when the sentence names one. */
  readonly item?: RelationArgument;
}

const ACTORS: readonly EntityType[] = ['GPE', 'ORG', 'NORP', 'UNIT'];
const NEGATION = /\b(?:not|never|no longer|n't|neither|nor|refused to|declined to|without)\b/i;

interface Trigger {
  readonly predicate: Predicate | 'send';
  readonly re: RegExp;
  readonly subject: readonly EntityType[];
  readonly object: readonly EntityType[];
  /** Object must come after a preposition ("to", "in", "on", "of"). */
  readonly objectAfter?: RegExp;
}

const TRIGGERS: readonly Trigger[] = [
  {
    predicate: 'member_of',
    re: /\b(?:is|are|was|were|became|become|becomes|remains?|has been|have been)\s+(?:not\s+|never\s+|no longer\s+)?(?:yet\s+)?(?:an?\s+|the\s+)?(?:official\s+|full\s+|founding\s+|formal\s+|full-fledged\s+)?members?\s+of\b|\b(?:joined|joins|joining|join|acceded to)\b/gi,
    subject: ['GPE', 'ORG'],
    object: ['ORG'],
  },
  {
    predicate: 'depends_on',
    re: /\b(?:depend(?:s|ed|ing)?|dependen(?:ce|cy|t)|reli(?:es|ed|ance)|rely(?:ing)?|reliant)\s+(?:up)?on\b/gi,
    subject: ACTORS,
    object: ['GPE', 'ORG', 'WEAPON', 'PERSON'],
  },
  {
    predicate: 'manufactures',
    re: /\b(?:manufactur(?:es|ed|ing|e)|produc(?:es|ed|ing|e)|makes|builds|built|develop(?:s|ed|ing)?|designed)\b/gi,
    subject: ['ORG', 'GPE'],
    object: ['WEAPON'],
  },
  {
    predicate: 'acquires',
    re: /\b(?:acquir(?:e|es|ed|ing)|bought|buy(?:s|ing)?|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|order(?:s|ed)?|order of|received?)\b/gi,
    subject: ['GPE', 'ORG', 'UNIT'],
    object: ['WEAPON'],
  },
  {
    predicate: 'operates',
    re: /\b(?:operat(?:e|es|ed|ing)|fields|fielded|flies|flew|uses|used)\b/gi,
    subject: ['GPE', 'ORG', 'UNIT'],
    object: ['WEAPON'],
  },
  {
    predicate: 'send',
    re: /\b(?:supplies|supplied|supplying|supply|deliver(?:s|ed|ing)?|provide[sd]?|providing|sen(?:d|ds|t|ding)|ship(?:s|ped)|transfer(?:s|red)?|export(?:s|ed)?|gave|give|gives|donat(?:e|es|ed)|deploy(?:s|ed|ing)?|station(?:s|ed)?|assign(?:s|ed)?|based in)\b/gi,
    subject: ['GPE', 'ORG', 'UNIT', 'PERSON'],
    object: ['GPE', 'LOC', 'ORG', 'FACILITY'],
    objectAfter: /\b(?:to|in|into|at)\s+(?:the\s+)?$/i,
  },
];

const IN_PHRASE = /\b(?:in|to|from|of|with|at|by|for|into|on|and|than)\s+(?:the\s+)?$|,\s*$/i;

const TROOPS =
  /\b(?:troops|soldiers|forces|brigades?|battalions?|squadrons?|destroyers?|warships?|ships|jets|aircraft|personnel|deployments?|presence|units?|headquarters)\b/i;
const GOODS =
  /\b(?:weapons|arms|ammunition|missiles?|artillery|equipment|aid|systems?|tanks|rockets|shells|drones)\b/i;

export interface RelationDeps {
  readonly kb?: KnowledgeBase;
  readonly published?: string;
}

const arg = (e: EntityMention): RelationArgument => ({
  id: e.id,
  name: e.name,
  start: e.start,
  end: e.end,
});

/** Pattern relations between entity mentions of one sentence, with negation. */
export const findRelations = (
  text: string,
  sentences: readonly Sentence[],
  entities: readonly EntityMention[],
  deps: RelationDeps = {},
): Relation[] => {
  const out: Relation[] = [];
  const seen = new Set<string>();
  const push = (r: Relation): void => {
    if (r.subject.id !== undefined && r.subject.id === r.object.id) return;
    const key = `${r.subject.id}|${r.predicate}|${r.object.id ?? r.object.name}|${r.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  let from = 0;
  for (const s of sentences) {
    // Sentences and mentions are both in text order: one sweep finds each sentence's mentions.
    while (from < sorted.length && (sorted[from] as EntityMention).start < s.start) from++;
    let to = from;
    while (to < sorted.length && (sorted[to] as EntityMention).start < s.end) to++;
    const inSentence = sorted.slice(from, to).filter((e) => e.end <= s.end);
    if (inSentence.length === 0) continue;
    const body = text.slice(s.start, s.end);
    for (const trigger of TRIGGERS) {
      trigger.re.lastIndex = 0;
      for (let m = trigger.re.exec(body); m !== null; m = trigger.re.exec(body)) {
        const at = s.start + m.index;
        const after = at + m[0].length;
        // The subject is the nearest actor before the trigger that is not itself inside a
        // prepositional phrase or a list ("based in Romania, ... assign jets to the UK").
        // Passive ("to be manufactured in Germany", "produced by a consortium") turns the roles
        // round; a possessive pronoun ("their reliance on") hides the subject. Neither is read.
        const lead20 = text.slice(Math.max(s.start, at - 30), at);
        if (
          /\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$/i.test(lead20) &&
          trigger.predicate !== 'member_of'
        )
          continue;
        if (/^\s+by\b/i.test(text.slice(after, after + 4)) && trigger.predicate !== 'send')
          continue;
        if (
          /\b(?:its|their|his|her|our)\s+(?:[\p{L}-]+\s+)?$/iu.test(lead20) &&
          trigger.predicate === 'depends_on'
        )
          continue;
        const subject = [...inSentence]
          .reverse()
          .find(
            (e) =>
              e.end <= at &&
              trigger.subject.includes(e.type) &&
              (trigger.predicate !== 'send' ||
                !IN_PHRASE.test(text.slice(Math.max(s.start, e.start - 20), e.start))),
          );
        let object = inSentence.find(
          (e) =>
            e.start >= after &&
            trigger.object.includes(e.type) &&
            (trigger.objectAfter === undefined ||
              trigger.objectAfter.test(text.slice(after, e.start))),
        );
        // A relative clause or long list between trigger and object is a different statement.
        if (object !== undefined && object.start - after > 80) object = undefined;
        if (subject === undefined || object === undefined) continue;
        const lead = text.slice(Math.max(s.start, at - 25), after);
        const negated =
          NEGATION.test(lead) ||
          /\bnon-$/i.test(text.slice(Math.max(s.start, object.start - 4), object.start));
        let predicate: Predicate;
        let item: EntityMention | undefined;
        if (trigger.predicate === 'send') {
          const between = text.slice(after, object.start);
          item = inSentence.find(
            (e) => e.type === 'WEAPON' && e.start >= after && e.end <= object.start,
          );
          predicate =
            item === undefined && (TROOPS.test(between) || !GOODS.test(between))
              ? 'deploys_to'
              : 'supplies';
          if (/deploy|station|assign|based/i.test(m[0]) && item === undefined)
            predicate = 'deploys_to';
        } else {
          predicate = trigger.predicate;
        }
        push({
          subject: arg(subject),
          predicate,
          object: arg(object),
          negated,
          start: Math.min(subject.start, at),
          end: Math.max(object.end, after),
          ...(item !== undefined ? { item: arg(item) } : {}),
        });
      }
    }
    findMadeBy(text, inSentence, deps.kb).forEach(push);
    findOffices(text, inSentence, deps).forEach(push);
  }
  return out.sort((a, b) => a.start - b.start);
};

/** "U.S.-manufactured HIMARS", "French-made Mirage jets", "Patriot missiles from Lockheed Martin". */
const findMadeBy = (
  text: string,
  entities: readonly EntityMention[],
  kb: KnowledgeBase | undefined,
): Relation[] => {
  const out: Relation[] = [];
  for (const weapon of entities.filter((e) => e.type === 'WEAPON')) {
    const before = text.slice(Math.max(0, weapon.start - 60), weapon.start);
    const made =
      /([\p{L}.]+)-(?:made|manufactured|built|designed|produced)\s+(?:[\p{L}-]+\s+){0,3}$/u.exec(
        before,
      );
    if (made !== null) {
      const makerStart = weapon.start - before.length + made.index;
      const maker = entities.find(
        (e) => e.start >= makerStart && e.end <= makerStart + (made[1] ?? '').length + 1,
      );
      if (maker !== undefined && maker.id !== weapon.id) {
        const id = maker.type === 'NORP' ? (kb?.get(maker.id)?.demonymOf ?? maker.id) : maker.id;
        const name = id !== maker.id ? (kb?.get(id)?.name ?? maker.name) : maker.name;
        out.push({
          subject: { id, name, start: maker.start, end: maker.end },
          predicate: 'manufactures',
          object: arg(weapon),
          negated: false,
          start: maker.start,
          end: weapon.end,
        });
      }
    }
    const after = text.slice(weapon.end, weapon.end + 40);
    const from = /^\s+(?:[\p{Ll}-]+\s+){0,2}(?:from|by|made by|built by|manufactured by)\s+/u.exec(
      after,
    );
    if (from !== null) {
      const maker = entities.find(
        (e) => e.start === weapon.end + from[0].length && e.type === 'ORG',
      );
      if (maker !== undefined) {
        out.push({
          subject: arg(maker),
          predicate: 'manufactures',
          object: arg(weapon),
          negated: false,
          start: weapon.start,
          end: maker.end,
        });
      }
    }
  }
  return out;
};

const TITLE_BEFORE =
  /((?:[\p{Lu}][\p{L}.'’-]*[\s-]+){0,3}(?:President|Prime Minister|Secretary[- ]General|Secretary|Minister|Chancellor|Commissioner|King|Queen|Premier|Chief|Commander|Ambassador|Governor|Spokesman|Spokeswoman))\s+$/u;

/** "French President Emmanuel Macron", "NATO Secretary-General Mark Rutte": the person holds that office. */
const findOffices = (
  text: string,
  entities: readonly EntityMention[],
  deps: RelationDeps,
): Relation[] => {
  const out: Relation[] = [];
  for (const person of entities.filter((e) => e.type === 'PERSON')) {
    const before = text.slice(Math.max(0, person.start - 80), person.start);
    const m = TITLE_BEFORE.exec(before);
    if (m === null || m[1] === undefined) continue;
    const titleStart = person.start - before.length + m.index;
    const title = m[1].trim();
    const date = deps.published;
    const offices = deps.kb?.officesOf(person.id) ?? [];
    // The title written wins over the date: "NATO Secretary-General Mark Rutte" in an article
    // dated while he was still Dutch prime minister is about the later office.
    const titled = deps.kb?.findOfficesByTitle(title) ?? [];
    const current =
      offices.find(({ office }) => titled.some((o) => o.id === office.id)) ??
      offices.find(
        ({ term }) =>
          date !== undefined && term.start <= date && (term.end === undefined || date < term.end),
      ) ??
      (offices.length === 1 ? offices[0] : undefined);
    const object: RelationArgument = current
      ? {
          id: current.office.id,
          name: current.office.name,
          start: titleStart,
          end: titleStart + title.length,
        }
      : { name: title, start: titleStart, end: titleStart + title.length };
    out.push({
      subject: arg(person),
      predicate: 'holds_office',
      object,
      negated: false,
      start: titleStart,
      end: person.end,
    });
  }
  return out;
};
