/** Quoted passages: curly “…” pairs, and straight "…" pairs taken in order. */
export interface QuoteSpan {
  /** Offsets of the quote marks themselves. */
  readonly open: number;
  readonly close: number;
  /** The quoted words, without the marks. */
  readonly start: number;
  readonly end: number;
}

export const findQuoteSpans = (text: string): QuoteSpan[] => {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0x00ab) {
      // A new opening mark before the old one closed: the old one ran on into a new paragraph.
      open = i;
    } else if ((c === 0x201d || c === 0x00bb) && open >= 0) {
      spans.push({ open, close: i, start: open + 1, end: i });
      open = -1;
    } else if (c === 0x22) {
      if (straightOpen < 0) straightOpen = i;
      else {
        spans.push({ open: straightOpen, close: i, start: straightOpen + 1, end: i });
        straightOpen = -1;
      }
    } else if (c === 10 && straightOpen >= 0 && text.charCodeAt(i + 1) === 10) {
      // Straight quotes do not survive a paragraph break unclosed: forget a stray one.
      straightOpen = -1;
    }
  }
  return spans.sort((a, b) => a.open - b.open);
};
