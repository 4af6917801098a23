import type { EdgeParty } from '../../core/supply-edge.js';
import { parseNumber } from '../figures/parse-number.js';
import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { EntityMention } from '../find-entities.js';
import type { Sentence } from '../tokenize.js';
import type { EdgeActor } from './edge-actors.js';
import type { EdgeItem } from './edge-items.js';
import type { EdgeDraft } from './merge-edges.js';

/**
 * Defence-contract announcements, the staple of ministry releases and company wires: "Litton is being
 * awarded a 164.2 mln dlr Navy contract for aircraft radar warning receivers for the U.S. Navy,
 * Australia and Spain", "the Navy awarded it a contract to produce ...", "the contract combines
 * purchases for the U.S. Air Force and Turkey under the Foreign Military Sales program". The buyer is
 * the state whose service or ministry lets the contract, the supplier the company that wins it, the
 * item what the contract is for; states named in a Foreign Military Sales clause buy the same item
 * through the United States. Status `ordered` (SIPRI: a transfer counts once ordered).
 */

/** A service or ministry that buys: "the U.S. Navy", "the Army", "the Defense Department". */
const BUYER =
  /\b(?:(U\.\s?S\.|United States|US|American)\s+)?(Navy|Army|Air Force|Marine Corps|Marines|Defen[cs]e Department|Department of Defen[cs]e|Pentagon|Defen[cs]e Ministry|Ministry of Defen[cs]e)\b/;
const BARE_SERVICE =
  /^(?:the\s+)?(?:Navy|Army|Air Force|Marine Corps|Marines|Defen[cs]e Department|Pentagon)(?:['’]s)?$/i;

/** What the contract buys, after its noun: "for", "to produce", "for development and production of". */
const OBJECT_LEAD =
  /\bcontracts?\b(?:[^.;]|\.(?=\d)|(?<=\b[A-Z])\.){0,80}?\b(?:for (?:the )?(?:continu(?:ing|ed) )?(?:development and )?(?:production|procurement|purchase|manufacture|delivery)(?: and (?:support|delivery|installation|integration|testing|maintenance))? of|for work (?:related to|on)|related to|to (?:produce|build|manufacture|supply|provide|deliver|develop|upgrade|modernize|modernise)|(?:to begin |for )?(?:an? |the )?(?:system )?(?:upgrade|modernization|modernisation|retrofit|overhaul) (?:of|on|to)|for)\s+(?:the\s+|an?\s+|its\s+)?/i;
/** "equipment and work related to the AN/UYS-1": the words in front of what the work is on. */
const OBJECT_PREFIX =
  /^(?:(?:equipment|work|hardware|services)(?:\s+and\s+(?:equipment|work|hardware|services))?\s+(?:related to|for|on)\s+(?:the\s+)?|(?:[\p{Ll}-]+,?\s+(?:and\s+)?){1,3}?(?:services|work|support)\s+(?:for|on)\s+(?:the\s+)?(?:(?:continu(?:ing|ed)\s+)?(?:production|development|procurement|manufacture) of\s+(?:the\s+)?)?)/iu;
/** "Grumman Corp", "Control Data Corp", "Texas Instruments Inc": a company by its legal suffix. */
const COMPANY_RE =
  /\b((?:[A-Z][\w&.'-]*\s+){0,3}?[A-Z][\w&.'-]*)\s+(?:Corp|Corporation|Co|Company|Inc|Ltd|Industries|plc|AG|SA)\b/;
/** A sentence opening with a name and a verb of winning or saying: "E-Systems said it received". */
const SUBJECT_COMPANY =
  /^\s*(?:The\s+)?((?:[A-Z][\w&/.'-]*\s+){0,3}[A-Z][\w&/'-]*)\s+(?:said|says|has|have|is|was|won|wins|received|receives|gets|got)\b/;
/** "ordered by the U.S. Army to proceed with the design and production of a control system". */
const PRODUCTION_OF =
  /\b(?:design and production|production|procurement|purchase|manufacture|delivery) of\s+(?:the\s+|an?\s+)?/i;
/** The object of a contract stated in the sentence after it. */
const DELIVERS =
  /\b(?:will|to)\s+(?:deliver|supply|provide|produce|build|manufacture)\s+(?:the\s+|an?\s+)?/i;
/** Where the object phrase ends. */
const OBJECT_STOP =
  /,(?!\d{3}\b)|;|\.(?:\s|$)|\s(?:capable of|able to|designed to|used (?:to|for|in)|for|under|at|from|to|by|in|which|that|after|before|when|since|because|until|if|and associated|and related|the Defense Department|the Pentagon|the (?:Navy|Army|Air Force) said|said|over|through|with options?)\b|\n\n/;
/** Objects that are work or consumables, not materiel ("jet fuel", "rations"): an analyst's supply graph leaves them out. */
const NOT_MATERIEL =
  /(?:\b(?:program|programme|initiative|project)\b[^,]*$|\(SDI\))|^(?:U\.\s?S\b|United States|work|services?|studies|study|construction|assistance|support|site|training|maintenance|research|analytical|engineering services|technical services|the design|design|logistics|(?:jet |aviation |diesel |marine )?fuels?|petroleum|gasoline|food|rations|clothing|uniforms)\b/i;
const MAKING_OF =
  /^(?:(?:work|effort)\s+on\s+)?(?:(?:continu(?:ing|ed)|further|initial|full[- ]rate)\s+)?(?:production|development|procurement|manufacture|purchase|acquisition)\s+of\s+(?:the\s+)?/i;
const QUANTITY =
  /^(?:(\d{1,3}(?:,\d{3})+|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?:of\s+(?:the\s+)?)?)/i;
/** "Standard Missile II program": a program named after a model is that model; "a submarine improvement program" is work. */
const MODEL_PROGRAM = /^(.*?(?:\p{Lu}|\d)[^\s]*)\s+(?:program|programme)$/u;
const NEGATED = /\b(?:cancel(?:l?ed|s)?|terminat(?:ed|es)|rescind(?:ed|s)?|los[et]s?)\b/i;
const DOLLARS = /\b(?:dlrs?|dollars?|mln)\b|\$\s?\d/i;
/** "combines purchases for the U.S. Navy, Australia and Spain under the Foreign Military Sales program". */
const FMS =
  /\b(?:Foreign Military Sales?|purchases? for|on behalf of|for (?:several )?(?:U\.S\. )?allies)\b/i;

export interface ContractDeps {
  readonly kb: KnowledgeBase;
  /** The state whose forces the article names in full ("U.S. Army"), which bare "the Navy" stands for. */
  readonly home: () => EdgeParty | undefined;
  readonly us: EdgeParty | undefined;
}

const party = (p: EdgeParty): EdgeParty => ({
  ...(p.id !== undefined ? { id: p.id } : {}),
  name: p.name,
});

/**
 * The state whose armed forces or ministry the article names with their country: a linked armed
 * force or ministry, else "U.S. Navy" written out (the tagger often splits it).
 */
export const homeState = (
  actors: readonly EdgeActor[],
  text: string,
  us: EdgeParty | undefined,
): EdgeParty | undefined =>
  actors.find((a) => a.via?.startsWith('armed-force:') || a.via?.startsWith('ministry:'))?.party ??
  (us !== undefined &&
  (/\b(?:U\.\s?S\.|United States|US)\s+(?:Navy|Army|Air Force|Marine Corps|Defen[cs]e Department)\b/.test(
    text,
  ) ||
    // "a 61.1 mln dlr contract ..., the Navy said": a service letting a dollar contract with no other
    // state's forces named is the U.S. one (the wire and ministry texts this reads).
    DOLLARS.test(text))
    ? us
    : undefined);

/** "the Navy", "Army's": a bare service name, which stands for the article's home state. */
export const isBareService = (m: EntityMention): boolean => BARE_SERVICE.test(m.text.trim());

/** The company that wins: a company the KB knows, or an organisation the text names that is no state body. */
const companyIn = (
  mentions: readonly EntityMention[],
  kb: KnowledgeBase,
  from: number,
  to: number,
): EntityMention | undefined =>
  mentions.find((m) => {
    if (m.type !== 'ORG' || m.start < from || m.end > to) return false;
    if (
      BUYER.test(m.text) ||
      /\b(?:Division|Center|Command|Office|Agency|Laboratory)\b/.test(m.text)
    )
      return false;
    if (m.id.startsWith('local:')) return /^[A-Z]/.test(m.text);
    return kb.get(m.id)?.kind === 'company';
  });

export class ContractReader {
  private last: { items: EdgeItem[]; supplier?: EdgeParty; recipient: EdgeParty } | undefined;
  /** A contract whose object the sentence did not say: the next sentence may. */
  private pending: { supplier?: EdgeParty; recipient: EdgeParty } | undefined;
  private docCompany: EdgeParty | undefined;

  /** The article with its wrapped lines joined ("U.S. Air\nForce"), offsets unchanged. */
  private readonly text: string;

  constructor(
    text: string,
    private readonly deps: ContractDeps,
    private readonly out: EdgeDraft[],
  ) {
    this.text = text.replace(/\n(?=\S)/g, ' ');
  }

  /** One sentence: a contract with its buyer, winner and object, or a sales clause adding buyers. */
  read(s: Sentence, mentions: readonly EntityMention[], items: readonly EdgeItem[]): void {
    const body = this.text.slice(s.start, s.end);
    const contract = /\bcontracts?\b|\bordered by\b/i.test(body);
    // "The company said Datametrics will deliver printer/plotters to the Army": the contract's object
    // stated in the sentence after it.
    const followUp = !contract && this.pending !== undefined && DELIVERS.exec(body);
    if (!contract && !followUp) {
      this.pending = undefined;
      return;
    }
    const buyer = BUYER.exec(body);
    const fms = FMS.test(body);
    let recipient: EdgeParty | undefined = this.pending?.recipient;
    if (buyer !== null) {
      const explicitUs =
        buyer[1] !== undefined ||
        /Defen[cs]e Department|Department of|Pentagon/.test(buyer[2] ?? '');
      recipient = (explicitUs ? this.deps.us : this.deps.home()) ?? recipient;
    }
    const lead = followUp ? followUp : (OBJECT_LEAD.exec(body) ?? PRODUCTION_OF.exec(body));
    const objectAt = lead ? s.start + lead.index + lead[0].length : undefined;
    const objects = objectAt !== undefined ? this.objects(objectAt, s.end, items) : [];
    const named = this.companyBefore(s.start, objectAt ?? s.end, mentions);
    this.docCompany ??= named;
    // A sentence that goes on about the contract just announced ("It said the contract, similar to
    // one awarded to Lockheed Corp, is for ...") keeps that contract's winner.
    const continued = buyer === null && this.pending !== undefined;
    const supplier =
      (continued ? this.pending?.supplier : undefined) ??
      named ??
      (/\b(?:it|its|the company)\b/i.test(body) ? this.docCompany : undefined) ??
      this.pending?.supplier;
    if (recipient !== undefined && objects.length > 0) {
      const negated = NEGATED.test(body);
      for (const item of objects)
        this.emit(item, recipient, supplier, negated, s, ['defence contract']);
      this.last = { items: objects, recipient, ...(supplier !== undefined ? { supplier } : {}) };
    }
    this.pending =
      contract && recipient !== undefined && objects.length === 0
        ? { recipient, ...(supplier !== undefined ? { supplier } : {}) }
        : undefined;
    // Other states buying the same item through the Foreign Military Sales program, named in the
    // contract's "for the U.S. Navy, Australia and Spain" or in a sales clause after it.
    const listed =
      objects.length > 0 && objectAt !== undefined && recipient?.id === this.deps.us?.id;
    if ((fms || listed) && this.last !== undefined && this.deps.us !== undefined) {
      const buyers = mentions.filter(
        (m) =>
          (!listed || m.start >= (objectAt ?? 0)) &&
          m.type === 'GPE' &&
          !m.id.startsWith('local:') &&
          m.id !== this.deps.us?.id &&
          this.deps.kb.get(m.id)?.kind === 'country',
      );
      const states = new Map<string, string>(
        buyers.map((b) => [b.id, this.deps.kb.get(b.id)?.name ?? b.name]),
      );
      // The tagger misses states inside a list it reads as one name ("Navy and Spain").
      for (const w of this.text
        .slice(listed ? (objectAt ?? s.start) : s.start, s.end)
        .matchAll(/\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b/g)) {
        // "for U.S., Australian and Spanish surface ships": a demonym names its state.
        const state = this.deps.kb
          .findByAlias(w[0])
          .map((e) => (e.demonymOf !== undefined ? (this.deps.kb.get(e.demonymOf) ?? e) : e))
          .find((e) => e.kind === 'country' && e.id !== this.deps.us?.id);
        if (state !== undefined) states.set(state.id, state.name);
      }
      for (const [id, name] of states)
        for (const item of this.last.items)
          this.emit(item, { id, name }, this.deps.us, false, s, [
            'foreign military sale on the same contract',
          ]);
    }
  }

  /** The company named before the contract's object: a mention, else a name with a legal suffix. */
  private companyBefore(
    from: number,
    to: number,
    mentions: readonly EntityMention[],
  ): EdgeParty | undefined {
    const m = companyIn(mentions, this.deps.kb, from, to);
    if (m !== undefined)
      return m.id.startsWith('local:')
        ? { name: m.text.replace(/\s+/g, ' ') }
        : { id: m.id, name: m.name };
    const byName = COMPANY_RE.exec(this.text.slice(from, to));
    if (byName?.[1] !== undefined && !BUYER.test(byName[1]))
      return { name: byName[0].replace(/\s+/g, ' ') };
    // "E-Systems said it received a ... contract": the name the sentence opens with, when it is no state.
    const opener = SUBJECT_COMPANY.exec(this.text.slice(from, to));
    if (opener?.[1] === undefined || BUYER.test(opener[1])) return undefined;
    const known = this.deps.kb.findByAlias(opener[1]);
    if (known.some((e) => e.type !== 'ORG' || e.kind !== 'company')) return undefined;
    return { name: opener[1] };
  }

  /** The materiel a contract is for: known systems in its object phrase, else the phrase itself. */
  private objects(at: number, sentenceEnd: number, items: readonly EdgeItem[]): EdgeItem[] {
    const prefix = OBJECT_PREFIX.exec(this.text.slice(at, sentenceEnd));
    const from = at + (prefix?.[0].length ?? 0);
    const rest = this.text.slice(from, sentenceEnd);
    const stop = OBJECT_STOP.exec(rest);
    const end = from + (stop !== null ? stop.index : rest.length);
    // A system the KB knows names the object; a class word inside the phrase ("radar" in "radar
    // warning receivers") does not.
    const known = items.filter((i) => i.start >= from && i.start < end && i.kind === 'weapon');
    if (known.length > 0) return known;
    let phrase = this.text
      .slice(from, end)
      .replace(/\s+/g, ' ')
      .trim()
      // "a 34 month SDI ... effort": a duration is no quantity of the item.
      .replace(/^\d+[- ]?(?:month|year|week|day)s?\s+/i, '')
      // "172 F-110-GE-100 fighter jet engines and 32 other jet engines": the first item is the named one.
      .replace(/\s+and\s+\d[\s\S]*$/, '');
    // "production of 1,391 guidance sections", "work on development of the SLAM": the thing made.
    phrase = phrase.replace(MAKING_OF, '');
    // "a separate contract for full scale development": work, not materiel.
    if (/^(?:full[- ]scale\s+)?(?:engineering\s+)?development$/i.test(phrase)) return [];
    const model = MODEL_PROGRAM.exec(phrase);
    if (model?.[1] !== undefined) phrase = model[1];
    if (phrase === '' || NOT_MATERIEL.test(phrase)) return [];
    const q = QUANTITY.exec(phrase);
    const quantity = q?.[1] !== undefined ? parseNumber(q[1]) : undefined;
    const offset = q !== null ? q[0].length : 0;
    phrase = phrase.slice(offset).replace(/^(?:(?:a|an|the|certain|new|additional)\s+)+/i, '');
    // "an additional 450 mln dlrs": money is what the contract is worth, not what it buys.
    if (/^\d[\d.,]*\s*(?:mln|bln|billion|million|dlrs?|pct|percent)\b/i.test(phrase)) return [];
    const words = phrase.split(' ');
    // A long clause is no item name; a lower-case single word ("equipment") says nothing specific.
    if (words.length > 10) return [];
    // "architectural, engineering and ... work": a lone lower-case adjective is no item.
    if (words.length === 1 && /^\p{Ll}+(?:al|ive|ic|ing)$/u.test(phrase)) return [];
    if (
      /^(?:equipment|weapons|arms|hardware|systems?|supplies|parts|products|software|goods|items)$/i.test(
        phrase,
      )
    )
      return [];
    const start = this.text.indexOf(phrase.split(' ')[0] ?? '', from + offset);
    return [
      {
        kind: 'class',
        name: phrase,
        text: phrase,
        start: start >= 0 ? start : from,
        end,
        ...(quantity !== undefined ? { quantity } : {}),
      },
    ];
  }

  private emit(
    item: EdgeItem,
    recipient: EdgeParty,
    supplier: EdgeParty | undefined,
    negated: boolean,
    s: Sentence,
    reasons: string[],
  ): void {
    this.out.push({
      recipient: party(recipient),
      ...(supplier !== undefined && supplier.id !== recipient.id
        ? { supplier: party(supplier) }
        : {}),
      system: item,
      status: 'ordered',
      negated,
      hedged: false,
      start: s.start,
      end: s.end,
      reasons: ['trigger:contract', ...reasons],
    });
  }
}
