import type { Sentence } from '../tokenize.js';

/**
 * Sentences for edge reading with hard-wrapped lines joined again. The tokenizer ends a sentence at
 * every line break, which suits text dumps with one paragraph per line; wire copy (Reuters, agency
 * feeds) wraps lines at ~65 characters, so "Raytheon Co has been awarded a 3.53" and "billion dlr
 * contract for Patriot" would be read apart. A break is a wrap when it is a single newline with no
 * indent after it (Reuters opens paragraphs with an indent), the line before does not end a sentence,
 * and one side reads on (a lower-case end or start, a digit, a comma). A sentence the tokenizer ended
 * after an abbreviation ("the U.S. Navy", "Lt. Gen. Townsend") is joined to what follows it too.
 */
export const joinWrappedLines = (text: string, sentences: readonly Sentence[]): Sentence[] => {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev !== undefined && isWrap(text, prev, s)) {
      out[out.length - 1] = { ...prev, end: s.end, tokenEnd: s.tokenEnd };
      continue;
    }
    out.push(s);
  }
  return out;
};

const ABBREVIATION =
  /(?:\b(?:\p{Lu}\.){2,}|\b(?:Corp|Co|Inc|Ltd|Gen|Lt|Col|Capt|Cmdr|Adm|Sgt|Spc|Maj|Mr|Mrs|Ms|Dr|St|No|Gov|Sen|Rep|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)$/u;

const isWrap = (text: string, prev: Sentence, next: Sentence): boolean => {
  const gap = text.slice(prev.end, next.start);
  if (
    /^[ \n]$/.test(gap) &&
    ABBREVIATION.test(text.slice(Math.max(prev.start, prev.end - 12), prev.end))
  )
    return true;
  // "Chinese-made \nanti-ship": a trailing space before the break is still a wrap.
  if (gap !== '\n' && gap !== ' \n') return false;
  const last = text.slice(Math.max(prev.start, prev.end - 1), prev.end);
  const first = text.slice(next.start, next.start + 1);
  if (/[.!?:"”’)\]]/.test(last)) return false;
  return /[\p{Ll}\d,;(-]/u.test(last) || /[\p{Ll}\d(]/u.test(first);
};
