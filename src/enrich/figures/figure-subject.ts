/**
 * What a figure measures, read from the words next to it. A crude noun-phrase chunker: it stops
 * at punctuation, verbs it knows and prepositions, and drops determiners.
 */
const STOP =
  /^(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|which|that|who|and|or|but|to|in|on|at|by|for|from|with|into|than|as|since|until|of|said|says|after|before|while|during|over|under|per|its|their|his|her|this|these|those|it|they|he|she|we|also|not|more|less|just|only|already)$/i;
const DETERMINER =
  /^(?:the|a|an|its|their|his|her|our|some|all|each|every|substantial|significant)$/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;

export const subjectAfter = (text: string, from: number, allowOf = false): string | undefined => {
  const rest = text.slice(from, from + 120);
  const stopAt = rest.search(/[.,;:()"“”!?\n]/);
  const chunk = stopAt >= 0 ? rest.slice(0, stopAt) : rest;
  const out: string[] = [];
  // Word by word, not all of the chunk's words first: a figure needs at most four, and listing
  // every word of 120 characters for each of 100,000 figures ("7%7%7%…", bench/fuzz) was 40% of
  // findFigures' time.
  for (const [w] of chunk.matchAll(WORD)) {
    if (out.length === 0 && DETERMINER.test(w)) continue;
    if (out.length === 0 && allowOf && /^of$/i.test(w)) continue;
    if (STOP.test(w)) break;
    out.push(w);
    if (out.length === 4) break;
  }
  return out.length > 0 ? out.join(' ') : undefined;
};

export const subjectBefore = (text: string, to: number): string | undefined => {
  const before = text.slice(Math.max(0, to - 120), to);
  const cut = Math.max(
    ...['.', ',', ';', ':', '(', '"', '“', '”', '\n'].map((c) => before.lastIndexOf(c)),
  );
  const chunk = before.slice(cut + 1);
  const words = chunk.match(WORD) ?? [];
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as string;
    if (STOP.test(w) || DETERMINER.test(w)) {
      if (out.length > 0) break;
      continue;
    }
    out.unshift(w);
    if (out.length === 3) break;
  }
  return out.length > 0 ? out.join(' ') : undefined;
};
