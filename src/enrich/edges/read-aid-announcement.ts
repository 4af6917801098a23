import type { EdgeParty } from '../../core/supply-edge.js';
import type { EdgeActor } from './edge-actors.js';
import type { ClauseReader } from './edge-clause.js';

/** An aid noun and the party it is for: "a new $800 million security assistance package for Ukraine". */
const AID_FOR =
  /\b(?:package|aid|assistance|tranche)\s+(?:(?:worth|of|totall?ing)\s+\S+(?:\s+(?:million|billion|bn|mln))?\s+)?(?:for|to)\s+(?:the\s+)?$/i;

/** After the aid's recipient, the list of what it holds: ", with 800 Stinger ...", ": 800 Stinger ...". */
const WITH_LIST = /^\s*(?:,\s*(?:with|among them|comprising)|with|:)\s+/i;

/**
 * "announced $800 million in new military aid for Ukraine, with 800 Stinger anti-aircraft systems,
 * 2,000 Javelin ...": the systems listed right after the aid's recipient are that aid, committed
 * (or hedged, negated, delivered as the words before the aid say).
 */
const readAidWith = (r: ClauseReader, to: EdgeActor, supplier: EdgeParty | undefined): void => {
  const m = WITH_LIST.exec(r.text.slice(to.mention.end, r.s.end));
  if (m === null) return;
  const from = to.mention.end + m[0].length;
  const t = { cls: 'list' as const, start: to.mention.end, end: from, word: m[0].trim() };
  const lead = r.text.slice(r.s.start, to.mention.start);
  for (const item of r.itemsIn(from, r.s.end))
    r.emit(t, item, to, supplier, lead, 'committed', ['aid list after its recipient']);
};

/**
 * "The United States announced a new $800 million security assistance package for Ukraine. The
 * package includes ...": a sentence that announces aid without a supply verb still says who gives
 * and who gets the list that follows. Sets the sentence's last aid when no supply verb did.
 */
export const readAidAnnouncement = (r: ClauseReader): void => {
  if (r.lastGive !== undefined) return;
  for (const to of r.actors) {
    const lead = r.text.slice(Math.max(r.s.start, to.mention.start - 60), to.mention.start);
    const m = AID_FOR.exec(lead);
    if (m === null) continue;
    const aidAt = to.mention.start - lead.length + m.index;
    // "U.S. military aid for Ukraine": the state in front of the aid noun gives it; else the clause subject.
    const inFront = [...r.actors]
      .reverse()
      .find(
        (a) =>
          a.mention.end <= aidAt &&
          /^\s+(?:[\p{L}$\d.,-]+\s+){0,4}$/u.test(r.text.slice(a.mention.end, aidAt)) &&
          !/^\s+(?:for|to)\s/i.test(r.text.slice(a.mention.end, aidAt)),
      );
    const giver: EdgeActor | undefined = inFront ?? r.mainSubject();
    const supplier =
      giver !== undefined && giver.party.id !== to.party.id ? giver.party : undefined;
    r.lastGive = { recipient: to, ...(supplier !== undefined ? { supplier } : {}), end: aidAt };
    readAidWith(r, to, supplier);
    return;
  }
};
