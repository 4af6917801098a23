import { spansFromBio, type WordSpan } from './entity-spans.js';

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface EntityScore extends TypeScore {
  byType: Record<string, TypeScore>;
}

const ratio = (correct: number, gold: number, predicted: number): TypeScore => {
  const precision = predicted === 0 ? 0 : (100 * correct) / predicted;
  const recall = gold === 0 ? 0 : (100 * correct) / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
};

const key = (s: WordSpan): string => `${s.start}:${s.end}:${s.type}`;

/** Entity-level exact match (same start, end and type), micro-averaged, as conlleval scores. */
export const scoreSpans = (
  gold: readonly (readonly WordSpan[])[],
  predicted: readonly (readonly WordSpan[])[],
): EntityScore => {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const at = (type: string): { gold: number; predicted: number; correct: number } => {
    let c = counts.get(type);
    if (c === undefined) {
      c = { gold: 0, predicted: 0, correct: 0 };
      counts.set(type, c);
    }
    return c;
  };
  gold.forEach((g, i) => {
    const p = predicted[i] ?? [];
    const goldKeys = new Set(g.map(key));
    for (const s of g) at(s.type).gold++;
    for (const s of p) {
      at(s.type).predicted++;
      if (goldKeys.has(key(s))) at(s.type).correct++;
    }
  });
  let g = 0;
  let p = 0;
  let c = 0;
  const byType: Record<string, TypeScore> = {};
  for (const [type, n] of [...counts].sort()) {
    byType[type] = ratio(n.correct, n.gold, n.predicted);
    g += n.gold;
    p += n.predicted;
    c += n.correct;
  }
  return { ...ratio(c, g, p), byType };
};

export const scoreEntities = (
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): EntityScore => scoreSpans(gold.map(spansFromBio), predicted.map(spansFromBio));
