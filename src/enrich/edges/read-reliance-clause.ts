import { anchored, lastReliance, RELIANT_ANAPHOR } from './edge-reliance.js';
import { ANAPHOR, ANAPHOR_IDS } from './edge-triggers.js';
import type { ClauseReader, TriggerContext } from './edge-clause.js';

/** "Europe depends on U.S. support in intelligence sharing", "reliance on the United States". */
export const readRely = (
  r: ClauseReader,
  { t, limit, lead, subject, push }: TriggerContext,
): void => {
  // Energy, trade and money dependence is not the defence dependence edges describe.
  if (
    /\b(?:energy|gas|oil|fuel|economic|trade|financial|food|grain|coal)\s+(?:[\p{L}-]+\s+)?$/iu.test(
      lead,
    )
  )
    return;
  let who = subject;
  const anaphor = ANAPHOR.exec(lead);
  const id = anaphor?.[1] !== undefined ? ANAPHOR_IDS[anaphor[1].toLowerCase()] : undefined;
  if (id !== undefined)
    who =
      r.actors.find((a) => a.party.id === id && a.mention.end <= t.start) ??
      r.earlier(id, t.start) ??
      who;
  else if (/\b(?:their|its)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(lead))
    who = r.subjects(r.s.end, r.s.start).length > 0 ? (r.mainSubject() ?? who) : who;
  const why: string[] = [];
  // "Additionally, this strategy depends on U.S. support in ...": the party the article last
  // said relies on someone.
  if (who === undefined && RELIANT_ANAPHOR.test(lead)) {
    const stated = lastReliance(r.doc.reliances)?.recipient;
    if (stated !== undefined) {
      who = anchored(stated, t.start);
      why.push('reliant party from the reliance stated before');
    }
  }
  // "reliance on the United States", not "dependence on Russian gas".
  const on = r.actors.find(
    (a) =>
      a.mention.start >= t.end &&
      a.mention.start < limit &&
      /^\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/u.test(r.text.slice(t.end, a.mention.start)) &&
      !/^(?:['’]s)?\s+\p{Ll}/u.test(r.text.slice(a.mention.end, a.mention.end + 4)),
  );
  const things = r.items.filter((i) => i.start >= t.end && i.start < limit);
  if (things.length === 0 && on !== undefined) {
    push(
      r.emit(
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
    r.actors.find(
      (a) =>
        a.mention.start >= t.end && /^\s+(?:the\s+)?$/u.test(r.text.slice(t.end, a.mention.start)),
    );
  for (const item of things) push(r.emit(t, item, who, provider?.party, lead, 'depends_on', why));
  const named = on ?? provider;
  if (who !== undefined && named !== undefined && named.party.id !== who.party.id)
    r.doc.reliances.push({ recipient: who, supplier: named.party });
  return;
};
