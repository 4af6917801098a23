/**
 * A text dump's paragraphs. Scrapers write either one paragraph per line or blank-line separated
 * blocks; blocks whose lines are hard-wrapped (a fixed width, lines ending mid-sentence) are
 * joined back, otherwise every non-empty line is its own paragraph.
 */

/** Lines of a hard-wrapped block are all about this long; 60-100 covers mail and 80-column dumps. */
const WRAP_MIN = 55;
const WRAP_MAX = 100;

const looksHardWrapped = (lines: readonly string[]): boolean => {
  if (lines.length < 3) return false;
  const body = lines.slice(0, -1);
  const wrapped = body.filter(
    (l) => l.length >= WRAP_MIN && l.length <= WRAP_MAX && !/[.!?:"”]$/.test(l),
  );
  return wrapped.length / body.length >= 0.8;
};

export const splitDumpParagraphs = (text: string): string[] => {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const blocks = normalised.split(/\n[ \t]*\n/);
  const out: string[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .map((l) => l.replace(/[ \t]+/g, ' ').trim())
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    if (looksHardWrapped(lines)) out.push(lines.join(' '));
    else out.push(...lines);
  }
  return out;
};
