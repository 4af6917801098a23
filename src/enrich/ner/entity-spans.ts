/** An entity over word indices [start, end). */
export interface WordSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Spans from IOB2 tags; a stray I-X opens a new span, as conlleval does. */
export const spansFromBio = (tags: readonly string[]): WordSpan[] => {
  const spans: WordSpan[] = [];
  let start = -1;
  let type = '';
  const close = (end: number): void => {
    if (start >= 0) spans.push({ start, end, type });
    start = -1;
  };
  tags.forEach((tag, i) => {
    if (tag === 'O') {
      close(i);
      return;
    }
    const t = tag.slice(2);
    if (tag.startsWith('B-') || t !== type || start < 0) {
      close(i);
      start = i;
      type = t;
    }
  });
  close(tags.length);
  return spans;
};
