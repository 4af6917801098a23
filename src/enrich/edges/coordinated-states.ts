import { type EdgeActor, FORMER_STATE_VIA } from './edge-actors.js';

/** Between two names of one list: "Poland and Romania", "West Germany, the Netherlands, and Japan". */
const LIST_GAP = /^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?$/;

const isState = (a: EdgeActor): boolean =>
  a.party.id?.startsWith('gpe:') === true || a.via === FORMER_STATE_VIA;

/**
 * The other states of the list a state recipient stands in ("West Germany, the Netherlands, Denmark
 * and Japan bought Patriot", "sent HIMARS to Poland and Romania", "Japan and Taiwan operate it"):
 * each of them holds the same role. Only lists made of states alone count ("Raytheon and Japan" is
 * no list of buyers), and never the supplier, which a clause may name in a list of its own.
 */
export const coordinatedStates = (
  actors: readonly EdgeActor[],
  recipient: EdgeActor,
  text: string,
  supplierId: string | undefined,
): EdgeActor[] => {
  if (!isState(recipient)) return [];
  const at = actors.indexOf(recipient);
  if (at < 0) return [];
  const joined = (a: EdgeActor, b: EdgeActor): boolean =>
    LIST_GAP.test(text.slice(a.mention.end, b.mention.start));
  let first = at;
  while (first > 0 && joined(actors[first - 1] as EdgeActor, actors[first] as EdgeActor)) first--;
  let last = at;
  while (
    last < actors.length - 1 &&
    joined(actors[last] as EdgeActor, actors[last + 1] as EdgeActor)
  )
    last++;
  const list = actors.slice(first, last + 1);
  if (list.length < 2 || !list.every(isState)) return [];
  // "Iran, Iraq's enemy, had fired": commas alone make an apposition, and a possessive qualifies a noun.
  const gaps = list
    .slice(1)
    .map((a, k) => text.slice((list[k] as EdgeActor).mention.end, a.mention.start));
  if (!gaps.some((g) => /\band\b/.test(g))) return [];
  if (list.some((a) => /^['’]s?\b/.test(text.slice(a.mention.end, a.mention.end + 3)))) return [];
  // "the U.S. and British governments": a list of demonyms in front of a noun qualifies one holder.
  const ids = new Set<string>();
  return list.filter((a) => {
    const id = a.party.id ?? a.party.name;
    if (
      a === recipient ||
      id === (recipient.party.id ?? recipient.party.name) ||
      id === supplierId ||
      ids.has(id)
    )
      return false;
    ids.add(id);
    return true;
  });
};
