import type { EdgeParty } from '../../core/supply-edge.js';
import type { EdgeActor } from './edge-actors.js';
import type { EdgeItem } from './edge-items.js';
import { DECISION, PASSIVE_LEAD } from './edge-triggers.js';
import type { ClauseReader, TriggerContext } from './edge-clause.js';

/** Between an asker and the verb: "urges West to", "has called on its allies to", "asked them to". */
const ASKED_TO =
  /^(?:['’]s)?[^,;.]*?\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|appeal(?:s|ed|ing)?\s+to|encourag(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|implor(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying))\s+(?:[^,;.]{1,40}?\s+)?to\s+$/i;

/** Between two coordinated systems: "Challenger 2 tanks and AS-90", "Stingers, Javelins". */
const COORDINATED = /^(?:\s+[\p{Ll}-]+){0,2}\s*(?:,\s*|\s+and\s+|,\s*and\s+|\s+as well as\s+)$/u;

/**
 * The system ending at most 40 characters before a participle, with the systems coordinated to it in
 * front ("Challenger 2 tanks and AS-90 self-propelled guns will be gifted to Ukraine").
 */
const coordinatedBefore = (before: readonly EdgeItem[], text: string, from: number): EdgeItem[] => {
  const last = before[before.length - 1];
  if (last === undefined || last.end < from) return [];
  const out = [last];
  for (let j = before.length - 2; j >= 0; j--) {
    const b = before[j] as EdgeItem;
    if (!COORDINATED.test(text.slice(b.end, (out[0] as EdgeItem).start))) break;
    out.unshift(b);
  }
  return out;
};

/** An actor and the ones coordinated after it ("Denmark and Germany", "Norway, Denmark and the Netherlands"). */
const coordinatedAfter = (r: ClauseReader, first: EdgeActor): EdgeActor[] => {
  const out = [first];
  for (const a of r.actors) {
    const last = out[out.length - 1] as EdgeActor;
    if (a.mention.start < last.mention.end) continue;
    if (
      !/^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?$/.test(
        r.text.slice(last.mention.end, a.mention.start),
      )
    )
      break;
    out.push(a);
  }
  return out;
};

/** The systems a relative clause opened by its subject refers back to ("ATACMS, which Washington ..."). */
const relativeAntecedent = (
  r: ClauseReader,
  subject: EdgeActor | undefined,
): EdgeItem[] | undefined => {
  if (subject === undefined) return undefined;
  const lead = r.text.slice(Math.max(r.s.start, subject.mention.start - 16), subject.mention.start);
  const rel = /,\s*(?:which|that)\s+(?:the\s+)?$/i.exec(lead);
  if (rel === null) return undefined;
  const relAt = subject.mention.start - lead.length + rel.index;
  const before = r.items.filter(
    (i) =>
      i.kind !== 'capability' &&
      i.end <= relAt &&
      /^(?:\s+[\p{Ll}-]+){0,2}\s*$/u.test(r.text.slice(i.end, relAt)),
  );
  const found = coordinatedBefore(
    r.items.filter((i) => i.kind !== 'capability' && i.end <= relAt),
    r.text,
    before[before.length - 1]?.end ?? Infinity,
  );
  return found.length > 0 ? found : undefined;
};

/** "Canada to give Ukraine 20,000 shells", "Krab howitzers, supplied by Poland", "the supply of Iranian drones to Russia". */
export const readGive = (
  r: ClauseReader,
  { t, limit, floor, lead, subjects, before, nominal, push }: TriggerContext,
): void => {
  const passive =
    /(?:ed|sent|given|sold)$/i.test(t.word) &&
    PASSIVE_LEAD.test(before) &&
    !/\b(?:has|have|had)\s+$/i.test(before);
  if (passive) {
    // "Krab howitzers, supplied by Poland", "were delivered to Ukraine", "U.S.-supplied rockets".
    const hyphenated = before.endsWith('-');
    const by = r.actorAfter(t.end, limit, /^[\s\S]*\b(?:by|from)\s+(?:the\s+)?$/i);
    const origin = hyphenated ? r.actors.find((a) => a.mention.end === t.start - 1) : by;
    const items = hyphenated
      ? r.itemsIn(t.end, Math.min(limit, t.end + 60)).slice(0, 1)
      : coordinatedBefore(
          r.items.filter((i) => i.kind !== 'capability' && i.end <= t.start),
          r.text,
          t.start - 40,
        );
    const to = r.actorAfter(t.end, limit, /^[\s\S]*\b(?:to|for)\s+(?:the\s+)?$/i);
    const firstAt = Math.min(origin?.mention.start ?? t.start, items[0]?.start ?? t.start);
    // "Ukraine used a U.S.-supplied rocket system" names the holder; "Russia says it destroyed ..." does not.
    const holder = [...r.actors].reverse().find(
      (a) =>
        a !== origin &&
        a.mention.end <= firstAt &&
        !(
          a.mention.type === 'NORP' &&
          /^\s+\p{Ll}/u.test(r.text.slice(a.mention.end, a.mention.end + 3)) &&
          // "Ukrainian forces are using U.S.-supplied Javelins": the forces are the state's.
          !/^\s+(?:armed\s+)?(?:forces|troops|army|military|soldiers|units|navy|marines|defenders)\b/i.test(
            r.text.slice(a.mention.end, a.mention.end + 24),
          )
        ) &&
        /\b(?:us(?:e|es|ed|ing)|fir(?:e|es|ed|ing)|operat\w+|deploy\w*|ha[sd]|have|receiv\w+|got|get|gets|field\w*|employ\w*)\b/i.test(
          r.text.slice(a.mention.end, firstAt),
        ),
    );
    const operator = to ?? holder;
    // "may have used US-supplied artillery": the participle reports a delivery whatever the main verb says.
    const pLead = hyphenated ? '' : lead;
    for (const item of items)
      push(
        r.emit(t, item, operator ?? r.pendingRecipient(), origin?.party, pLead, 'delivered', [
          'passive',
        ]),
      );
    return;
  }
  if (nominal) {
    // "the supply of Iranian drones to Russia", "Iranian drones supplies to Russia".
    const explicitTo = r.actorAfter(t.end, limit, /^[\s\S]*\b(?:to|for)\s+(?:the\s+)?$/i);
    const carried = explicitTo === undefined ? r.carried(t) : undefined;
    // "Slovakia signs contract with Ukraine for supply of eight Zuzana 2": the party the
    // contract is with receives, the one signing it supplies.
    const partner =
      explicitTo === undefined && carried === undefined
        ? r.actors.find(
            (a) =>
              a.mention.end <= t.start &&
              a.mention.start >= floor &&
              // "an agreement within the framework of a circular exchange with the Czech Republic".
              /\b(?:contract|deal|agreement|accord)s?\b(?:\s+[\p{Ll}-]+){0,8}?\s+with\s+(?:the\s+)?$/iu.test(
                r.text.slice(Math.max(floor, a.mention.start - 90), a.mention.start),
              ),
          )
        : undefined;
    const signer =
      partner !== undefined ? subjects.find((a) => a.party.id !== partner.party.id) : undefined;
    // "Turkey wants to speed up the delivery of American F-16 fighter jets", "took delivery of": the one wanting it gets it.
    // "Ukraine has received the first delivery of": the receiving verb is a trigger of its own, so
    // its subject stands before the floor this noun's clause starts at.
    const wanters = subjects.length > 0 ? subjects : r.subjects(t.start, r.clauseStart(t.start));
    const wanting =
      explicitTo === undefined &&
      carried === undefined &&
      partner === undefined &&
      wanters.length === 1 &&
      wanters[0] !== undefined &&
      /\b(?:wants?|wanted|seeks?|sought|request(?:s|ed|ing)?|asks? for|asked for|awaits?|awaited|awaiting|waiting for|expects?|expected|expecting|receiv(?:e|es|ed|ing)|speed(?:s|ing)? up|hasten\w*|accelerat\w*|t(?:ake|akes|ook|aking|aken))\b/i.test(
        r.text.slice(wanters[0].mention.end, t.start),
      )
        ? wanters[0]
        : undefined;
    const to = explicitTo ?? carried?.recipient ?? partner ?? wanting;
    const from = r.actorAfter(t.end, limit, /^[\s\S]*\bfrom\s+(?:the\s+)?$/i);
    const owner = r.actors.find(
      (a) =>
        /^\s*['’]s\s/.test(r.text.slice(a.mention.end, a.mention.end + 4)) &&
        a.mention.end >= t.start - 20 &&
        a.mention.end <= t.start,
    );
    // "U.S. may approve transfer of rocket systems to Ukraine": the one deciding on it supplies.
    const others = subjects.filter((a) => a.party.id !== to?.party.id);
    const decider =
      others.length === 1 &&
      others[0] !== undefined &&
      DECISION.test(r.text.slice(others[0].mention.end, t.start)) &&
      !/\band\b/i.test(
        r.text.slice((subjects[subjects.length - 1] as EdgeActor).mention.end, t.start),
      )
        ? others[0]
        : undefined;
    let items = r.itemsIn(
      t.end,
      to !== undefined && to.mention.start > t.end ? to.mention.start : limit,
    );
    if (items.length === 0)
      items = r.items.filter(
        (i) => i.kind !== 'capability' && i.end <= t.start && i.end >= t.start - 30,
      );
    // "deliveries of Leopard 1 tanks from Denmark and Germany": every state coordinated after "from".
    const fromAll = from !== undefined ? coordinatedAfter(r, from) : [undefined];
    for (const source of fromAll)
      for (const item of items)
        push(
          r.emit(
            t,
            item,
            to,
            (source ?? owner)?.party ?? carried?.supplier ?? signer?.party ?? decider?.party,
            lead,
            partner !== undefined ? 'ordered' : 'delivered',
            [(from ?? owner ?? carried) ? 'nominal' : 'nominal, supplier from the clause subject'],
          ),
        );
    return;
  }
  // Active: "Canada to give Ukraine 20,000 shells", "Norway has transferred 14 LAV III to Ukraine".
  // "give Ukraine 20,000 shells", but not "supplying Turkish drones" (an origin, not a recipient).
  const direct = r.actors.find(
    (a) =>
      a.mention.start >= t.end &&
      /^\s+(?:the\s+)?$/.test(r.text.slice(t.end, a.mention.start)) &&
      !(
        (a.mention.type === 'NORP' || /^[A-Z.]{2,5}$/.test(a.mention.text)) &&
        r.items.some((i) => i.originMention === a.mention)
      ),
  );
  // The previous verb's recipient is not this verb's subject ("supply Ukraine with X, as well as consider supplying Y").
  let own = subjects.filter((a) => a.mention !== r.lastGive?.recipient.mention);
  // "sanctions against Iran for supplying Russia with drones": a gerund's agent is the noun before
  // "for"; "accused the dual citizen of buying drones": when that noun is no party, there is none.
  const gerundAgent = r.gerundAgent(t, floor);
  if (gerundAgent !== null) own = gerundAgent === undefined ? [] : [gerundAgent];
  // "Latvia's FM urges West to give Ukraine more HIMARS": the one urging asks; the one urged (here
  // no party) would give.
  const last = own[own.length - 1];
  if (last !== undefined && ASKED_TO.test(r.text.slice(last.mention.end, t.start))) own = [];
  let to = direct ?? r.actorAfter(t.end, limit, /^[\s\S]*\b(?:to|for|into)\s+(?:the\s+)?$/i);
  // "urges Ukraine's western partners to send fighter jets": Ukraine receives, the partners are unnamed.
  const patron =
    own.length === 1 &&
    own[0] !== undefined &&
    /^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}(?:partners|allies|friends|backers|supporters)\b/u.test(
      r.text.slice(own[0].mention.end, own[0].mention.end + 40),
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
    r.text.slice(r.clauseStart(t.start), t.start),
  );
  const frontItems =
    fronted !== null ? r.itemsIn(r.clauseStart(t.start), own[0]?.mention.start ?? t.start) : [];
  // After a "to X" recipient only what follows it directly belongs to this verb
  // ("sent to Ukraine a batch of howitzers", not "..., set up air defense in Germany").
  const items = [...frontItems, ...r.itemsIn(t.end, limit)].filter((i) => {
    if (to === undefined || to === direct || to.mention.start < t.end || i.start < to.mention.start)
      return true;
    const gap = r.text.slice(to.mention.end, i.start);
    return (
      !/[,;]/.test(gap) ||
      /\b(?:includ\w*|such as|namely|in particular|notably|among them|comprising)\b/i.test(gap)
    );
  });
  // "Kyiv has asked for ATACMS, which Washington has refused to provide": a relative clause's verb
  // takes the systems it follows, and the one asking for them receives.
  const antecedent = items.length === 0 ? relativeAntecedent(r, own[0]) : undefined;
  if (antecedent !== undefined) {
    items.push(...antecedent);
    if (to === undefined) {
      const asked = r.out.find((d) => antecedent.includes(d.system));
      to =
        r.actors.find((a) => asked !== undefined && a.party.id === asked.recipient.id) ??
        // "Ukraine wants Taurus missiles, which Germany has declined to send".
        r
          .subjects((antecedent[0] as EdgeItem).start, r.s.start)
          .find((a) => !own.some((o) => o.party.id === a.party.id));
    }
  }
  // The relative clause's own words say its stage: "wants X, which Germany declined to send" is a refusal.
  const verbLead =
    antecedent !== undefined && own[0] !== undefined
      ? r.text.slice(own[0].mention.start, t.start)
      : lead;
  let givers: (EdgeParty | undefined)[] = own.length > 0 ? own.map((a) => a.party) : [undefined];
  const carried = own.length === 0 && to === undefined ? r.carried(t) : undefined;
  if (carried !== undefined) {
    to = carried.recipient;
    givers = [carried.supplier];
  }
  // "Berlin has declined to send Leopard tanks": the recipient of the aid discussed just before.
  // "Germany will deliver 14 Leopard tanks to Ukraine, adding that Norway would also send eight": the
  // recipient of this sentence's earlier transfer when this verb names none.
  const context =
    to === undefined && carried === undefined ? (r.lastGive ?? r.before()) : undefined;
  if (context !== undefined && !own.some((a) => a.party.id === context.recipient.party.id))
    to = context.recipient;
  // "gave Iran cash ... in exchange for drones": what comes back goes the other way.
  const exchange = /\bin (?:exchange|return) for\b/i.exec(r.text.slice(t.end, limit));
  const backAt = exchange !== null ? t.end + exchange.index : Infinity;
  for (const supplier of givers)
    for (const item of items) {
      if (item.start > backAt) {
        const giver = own[0];
        if (giver !== undefined && to !== undefined)
          push(r.emit(t, item, giver, to.party, lead, 'delivered', ['in exchange']));
        continue;
      }
      const why = carried
        ? ['coordinated with the previous clause']
        : antecedent !== undefined
          ? ['relative clause after the system']
          : [];
      push(r.emit(t, item, to, supplier, verbLead, 'delivered', why));
    }
  if (to !== undefined)
    r.lastGive = {
      recipient: to,
      ...(givers[0] !== undefined ? { supplier: givers[0] } : {}),
      end: t.end,
    };
  return;
};
