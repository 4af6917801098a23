/**
 * The title of a text dump: its first line when that line reads as a headline, else one inferred
 * from the opening sentence (marked as inferred so nobody mistakes it for the publisher's).
 */

/** Headlines in the seeds and BBC corpus are 3-25 words; a longer first line is a paragraph. */
const MAX_TITLE_WORDS = 25;
const MAX_TITLE_CHARS = 200;
/** An inferred title is cut to this many words: long enough to identify, short enough to list. */
const INFERRED_WORDS = 14;

export const looksLikeTitle = (line: string): boolean => {
  const words = line.split(/\s+/).length;
  if (words > MAX_TITLE_WORDS || line.length > MAX_TITLE_CHARS) return false;
  // A headline does not end like a sentence (a question mark is fine, quoted endings too).
  // (An ellipsis "Rivals of the £400 Apple..." or a closing abbreviation "U.S." is still a headline.)
  if (/[.;,:]$/.test(line) && !/(\.\.\.|\u2026|\b(\p{Lu}\.){2,})$/u.test(line)) return false;
  return /\p{L}/u.test(line);
};

/** First sentence of a paragraph, not fooled by "U.S." or "Mr." inside it. */
const firstSentence = (paragraph: string): string => {
  const re = /[.!?](?=\s+["“‘(]?\p{Lu})/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(paragraph)) !== null) {
    const before = paragraph.slice(0, m.index + 1);
    if (/(\b\p{Lu}\.|\b(Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|No|Prof|Rep|Sen|Gov)\.)$/u.test(before))
      continue;
    return before;
  }
  return paragraph;
};

export const inferTitle = (paragraph: string): string => {
  const sentence = firstSentence(paragraph).replace(/[.!]$/, '');
  const words = sentence.split(/\s+/);
  if (words.length <= INFERRED_WORDS) return sentence;
  return `${words
    .slice(0, INFERRED_WORDS)
    .join(' ')
    .replace(/[,;:]$/, '')}\u2026`;
};
