/**
 * 4-word shingle counts and their overlap, counted as ../shared/tools/score-extraction.mjs counts
 * them (a text of fewer than four tokens is one short shingle), for per-page scores in benches and
 * the real-page extraction tests.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export const shingleCounts = (text: string): Map<string, number> => {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const key = tokens.slice(i, i + 4).join(' ');
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

export interface ShingleOverlap {
  /** Shingles of `ours` also in `gold`, counted with multiplicity. */
  readonly shared: number;
  readonly gold: number;
  readonly ours: number;
}

export const shingleOverlap = (gold: string, ours: string): ShingleOverlap => {
  const a = shingleCounts(gold);
  const b = shingleCounts(ours);
  let shared = 0;
  let goldCount = 0;
  let oursCount = 0;
  for (const v of a.values()) goldCount += v;
  for (const [k, v] of b) {
    oursCount += v;
    shared += Math.min(v, a.get(k) ?? 0);
  }
  return { shared, gold: goldCount, ours: oursCount };
};
