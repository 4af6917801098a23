import type { EdgeActor } from './edge-actors.js';
import type { ClauseReader } from './edge-clause.js';

/** An aid noun and the party it is for: "a new $800 million security assistance package for Ukraine". */
const AID_FOR =
  /\b(?:package|aid|assistance|tranche)\s+(?:(?:worth|of|totall?ing)\s+\S+(?:\s+(?:million|billion|bn|mln))?\s+)?(?:for|to)\s+(?:the\s+)?$/i;

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
    r.lastGive = {
      recipient: to,
      ...(giver !== undefined && giver.party.id !== to.party.id ? { supplier: giver.party } : {}),
      end: aidAt,
    };
    return;
  }
};
