import type { ClauseReader, TriggerContext } from './edge-clause.js';

/** "Zelensky asks Portugal for tanks", "Ukraine urgently needs more air defense weapons". */
export const readAsk = (
  r: ClauseReader,
  { t, limit, lead, subject, push }: TriggerContext,
): void => {
  if (/\sfor$/i.test(t.word)) {
    // "European demand for Patriot systems", "Ukraine's request for F-16s".
    const wanting = r.actors.find(
      (a) =>
        a.mention.end <= t.start &&
        /^(?:['’]s)?\s+(?:[\p{Ll}-]+\s+)?$/u.test(r.text.slice(a.mention.end, t.start)),
    );
    for (const item of r.itemsIn(t.end, limit))
      push(r.emit(t, item, wanting, undefined, lead, 'requested', ['nominal request']));
    return;
  }
  if (/^need/i.test(t.word)) {
    // "Ukraine urgently needs more air defense weapons".
    const items = r
      .itemsIn(t.end, limit)
      .filter((i) =>
        /^\s*(?:(?:more|new|modern|additional|further|urgently|[\d,]+)\s+)*$/i.test(
          r.text.slice(t.end, i.start),
        ),
      );
    for (const item of items.slice(0, 1))
      push(r.emit(t, item, subject, undefined, lead, 'requested', ['need']));
    return;
  }
  // "Zelensky asks Portugal for tanks": the asker wants, the one asked would supply.
  const asked = r.actors.find((a) => a.mention.start >= t.end && a.mention.start <= t.end + 4);
  const forAt = r.text.slice(t.end, limit).search(/\bfor\b/i);
  if (forAt < 0) return;
  for (const item of r.itemsIn(t.end + forAt, limit))
    push(r.emit(t, item, subject, asked?.party, lead, 'requested', []));
  return;
};

/** "Russian ships armed with Kalibr missiles", "Iran's stationing of Chinese-made missiles". */
export const readUse = (
  r: ClauseReader,
  { t, limit, lead, subject, before, push }: TriggerContext,
): void => {
  // "hit the Russian warship with cruise missiles": the weapons are the attacker's, not the ship's.
  if (
    /\swith$/i.test(t.word) &&
    /\b(?:hit|hits|struck|strikes?|attack\w*|fired|fire[sd]? (?:at|on)|sank|sunk|destroy\w*|damag\w*|target\w*)\s+(?:[\p{L}-]+\s+){0,3}$/iu.test(
      r.text.slice(Math.max(r.s.start, t.start - 40), t.start),
    )
  )
    return;
  // "with the use of mortars": a noun with no user named after it says nothing about who.
  if (
    /\b(?:the|of)\s+(?:non-)?$/i.test(before) &&
    !/^\s+of\b[^.;]*\bby\b/i.test(r.text.slice(t.end, limit))
  )
    return;
  // "Kiev may have used US-supplied artillery": a guess about use says nothing about holding it.
  if (/\b(?:may|might|could)\s+(?:have\s+)?$/i.test(before)) return;
  const by = r.actorAfter(t.end, limit, /^[\s\S]*\bby\s+(?:the\s+)?$/i);
  const operator = subject ?? by;
  // "Russian ships fired artillery shells": firing says who holds a named system, not a class.
  const firing = /fir(?:e|es|ed|ing)$/i.test(t.word);
  for (const item of r.itemsIn(t.end, limit))
    if (!firing || item.kind === 'weapon')
      push(r.emit(t, item, operator, undefined, lead, 'operates', []));
  return;
};
