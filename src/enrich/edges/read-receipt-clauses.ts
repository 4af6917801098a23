import type { EdgeParty } from '../../core/supply-edge.js';
import type { EdgeActor } from './edge-actors.js';
import { AID_WORDS, DEAL_WITH } from './edge-triggers.js';
import type { ClauseReader, TriggerContext } from './edge-clause.js';

/** "HIMARS, howitzers, tanks coming in". */
export const readArrive = (r: ClauseReader, { t, limit, lead, push }: TriggerContext): void => {
  // "HIMARS, howitzers, tanks coming in": the items of the clause before the verb arrive at the
  // place named after it or at the party the clause is about.
  const at = r.actorAfter(t.end, limit, /^\s+(?:in|to|at)\s+(?:the\s+)?$/i);
  const holder = at ?? r.subjects(t.start, r.s.start)[0] ?? r.before()?.recipient;
  const from = r.actorAfter(t.end, limit, /^[\s\S]*\bfrom\s+(?:the\s+)?$/i);
  for (const item of r.itemsIn(r.clauseStart(t.start), t.start))
    push(r.emit(t, item, holder, from?.party, lead, 'delivered', ['arrival']));
  return;
};

/** "includes: 1,400 Stingers; 5,500 Javelins; ...": after a colon the list runs over semicolons. */
const listEnd = (r: ClauseReader, from: number): number => {
  if (!/^\s*:/.test(r.text.slice(from, from + 3))) return r.clauseEnd(from);
  const m =
    /\s[—–]\s|,\s+(?:while|but|whereas|although|though|which|who|where|said|says)\b|(?<!\b[A-Z])\.\s/.exec(
      r.text.slice(from, r.s.end),
    );
  return m ? from + m.index : r.s.end;
};

/** "a package including 800 Stinger anti-aircraft systems, 2,000 Javelin...". */
export const readList = (r: ClauseReader, { t, limit, push }: TriggerContext): void => {
  // "a package including 800 Stinger anti-aircraft systems, 2,000 Javelin...": a give with its
  // roles from the sentence (or the aid announced just before).
  const sentenceStart = r.clauseStart(t.start);
  // "It includes ...", "The package also includes ...", a fact sheet's "Capabilities include:": the aid
  // announced just before.
  const anaphoric =
    /^\s*(?:it|this|the\s+(?:new\s+)?(?:package|tranche)|(?:the\s+)?(?:capabilities|items|deliveries|elements)(?:\s+(?:provided|delivered|committed))?)\s+(?:also\s+|will\s+|would\s+)*$/i.test(
      r.text.slice(sentenceStart, t.start),
    ) && r.previous() !== undefined;
  if (!anaphoric && !AID_WORDS.test(r.text.slice(sentenceStart, t.start))) return;
  if (r.triggers.some((o) => o.cls === 'give' && o.end <= t.start)) return;
  const to =
    r.actorAfter(t.end, limit, /^[\s\S]*\b(?:to|for)\s+(?:the\s+)?$/i) ??
    r.actorAfter(sentenceStart, t.start, /^[\s\S]*\b(?:to|for)\s+(?:the\s+)?$/i) ??
    r.previous()?.recipient;
  // "The new package of U.S. aid to Ukraine ... will include": the state in front of "aid" gives it.
  const giver =
    r.mainSubject() ??
    r.actors.find((a) =>
      /^\s+(?:military\s+|security\s+|defen[cs]e\s+)?(?:aid|assistance|package)\b/i.test(
        r.text.slice(a.mention.end, a.mention.end + 30),
      ),
    );
  const supplier = giver !== undefined && giver !== to ? giver.party : r.previous()?.supplier;
  const listLead = r.text.slice(sentenceStart, t.start);
  for (const item of r.itemsIn(t.end, listEnd(r, t.end)))
    push(
      r.emit(
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
  return;
};

/** The lines after "The package includes:": each system a part of the aid announced before. */
export const readListBody = (
  r: ClauseReader,
  aid: { recipient: EdgeActor; supplier?: EdgeParty },
  status: 'committed' | 'delivered',
): void => {
  for (const item of r.itemsIn(r.s.start, r.s.end)) {
    const t = { cls: 'list' as const, start: item.start, end: item.start, word: 'list line' };
    r.emit(t, item, aid.recipient, aid.supplier, '', status, ['aid list on its own lines']);
  }
};

/** "Kiev will receive four rocket systems from ...". */
export const readGet = (
  r: ClauseReader,
  { t, limit, lead, subject, push }: TriggerContext,
): void => {
  const from = r.actorAfter(t.end, limit, /^[\s\S]*\bfrom\s+(?:the\s+)?$/i);
  // "Kiev will receive four rocket systems ..., Pentagon chief says": the state body announcing
  // what another state will receive is the one that gives it.
  const announcer =
    from === undefined
      ? r.actors.find(
          (a) =>
            a.mention.start >= t.end &&
            a.party.id !== subject?.party.id &&
            /^(?:ministry|office|armed-force|seat)/.test(a.via ?? '') &&
            /^(?:\s+\p{Ll}+){0,2}\s+(?:says|said|announced|told)\b/u.test(
              r.text.slice(a.mention.end, a.mention.end + 24),
            ),
        )
      : undefined;
  const why = announcer !== undefined ? ['supplier: the state body announcing it'] : [];
  for (const item of r.itemsIn(t.end, limit))
    push(r.emit(t, item, subject, (from ?? announcer)?.party, lead, 'delivered', why));
  return;
};

/** A state name in front of a civil company's noun ("U.S. regional carrier", "British airline"). */
const CIVIL_HEAD =
  /^\s+(?:[\p{L}-]+\s+){0,2}?(?:(?<!aircraft\s)carriers?|airlines?|airways|air lines|lessors?|leasing (?:company|firm)|banks?|investors?)\b/iu;

/** "Poland bought K2 tanks from South Korea", "F-16s bought by Norway". */
export const readBuy = (
  r: ClauseReader,
  { t, limit, floor, lead, subjects, subject, after, nominal, push }: TriggerContext,
): void => {
  if (DEAL_WITH.test(t.word)) {
    // "India signed a deal with France for 36 Rafale jets": the partner sells what the deal is for;
    // "contract with Ukraine for supply of ..." is read at its supply word.
    if (r.triggers.some((o) => o.start > t.end && o.start < limit)) return;
    const partner = r.actors.find(
      (a) =>
        a.mention.start >= t.end && /^\s+(?:the\s+)?$/.test(r.text.slice(t.end, a.mention.start)),
    );
    const forAt = r.text.slice(t.end, limit).search(/\bfor\b/i);
    if (partner === undefined || forAt < 0 || subject === undefined) return;
    for (const item of r.itemsIn(t.end + forAt, limit))
      push(r.emit(t, item, subject, partner.party, lead, 'ordered', ['deal with a seller']));
    return;
  }
  if (/ed$/i.test(t.word) && /^\s+by\b/i.test(after)) {
    // "HIMARS acquired by their governments", "F-16s bought by Norway".
    const by = r.actorAfter(t.end, limit, /^\s+by\s+(?:the\s+)?$/i);
    const items = r.items
      .filter((i) => i.kind !== 'capability' && i.end <= t.start && i.end >= t.start - 40)
      .slice(-1);
    const firstItem = items[0];
    const at = Math.min(firstItem?.originMention?.start ?? t.start, firstItem?.start ?? t.start);
    const owners =
      by !== undefined
        ? [by]
        : /^\s+by\s+(?:their|its)\b/i.test(after)
          ? r.subjects(at, r.s.start, true)
          : [];
    for (const owner of owners)
      for (const item of items)
        push(r.emit(t, item, owner, undefined, lead, 'ordered', ['passive']));
    return;
  }
  const forWhom = r.actorAfter(t.end, limit, /^[\s\S]*\bfor\s+(?:the\s+)?$/i);
  const from = r.actorAfter(t.end, limit, /^[\s\S]*\bfrom\s+(?:the\s+)?$/i);
  const owner = nominal
    ? r.actors.find((a) => a.mention.end <= t.start && a.mention.end >= t.start - 20)
    : undefined;
  const items = r.itemsIn(t.end, limit);
  const agent = r.gerundAgent(t, floor);
  if (agent === undefined) return;
  if (forWhom !== undefined) {
    for (const buyer of subjects)
      for (const item of items)
        push(r.emit(t, item, forWhom, buyer.party, lead, 'ordered', ['bought for']));
  } else {
    const buyer = owner ?? subject;
    // "The U.S. Regional carrier <Metro Airlines> ... to buy 16 Saab SF340 aircraft": the state
    // only qualifies the company that buys.
    if (
      buyer !== undefined &&
      CIVIL_HEAD.test(r.text.slice(buyer.mention.end, buyer.mention.end + 40))
    )
      return;
    for (const item of items) push(r.emit(t, item, buyer, from?.party, lead, 'ordered', []));
  }
  return;
};
