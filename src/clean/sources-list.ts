import type { TextBlock } from './text-blocks.js';

/**
 * The list of sources German sites print under a story ("Verwendete Quellen" on t-online,
 * "Quellen:" on WDR, then "Eigene Recherchen", "Landtag NRW, Stellungnahmen zur Anhörung", ...,
 * "Quellen anzeigen"): a bibliography of the story, not its text; fundus' gold leaves it out.
 * Only the German heading: English golds keep a "Sources:" line (fundus WorldTruth, CleanEval).
 */
const SOURCES_HEADING = /^(verwendete |benutzte )?(quellen|quellenangaben)\s*:?$/iu;
/** The list's entries: items, or short lines that are no sentence (a sentence is reporting again). */
const MAX_ENTRY_CHARS = 200;
const ENDS_SENTENCE = /[.!?…]["'”“»«)]?\s*$/u;
/** The toggle under t-online's list. */
const SOURCES_TOGGLE = /^quellen (anzeigen|ausblenden|verbergen)$/iu;

/** Block indexes of a sources heading in the body and the list entries after it. */
export const sourcesLists = (
  blocks: readonly TextBlock[],
  inBody: readonly boolean[],
): Set<number> => {
  const out = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    if (!inBody[i] || blocks[i]!.text.length > 40) continue;
    if (SOURCES_TOGGLE.test(blocks[i]!.text)) out.add(i);
    if (!SOURCES_HEADING.test(blocks[i]!.text)) continue;
    out.add(i);
    for (let j = i + 1; j < blocks.length; j++) {
      if (!inBody[j]) continue;
      const b = blocks[j]!;
      const entry =
        b.kind === 'item' || (b.text.length <= MAX_ENTRY_CHARS && !ENDS_SENTENCE.test(b.text));
      if (!entry || b.kind === 'heading') break;
      out.add(j);
      i = j;
    }
  }
  return out;
};
