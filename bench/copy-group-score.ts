/**
 * Scores copy decisions against the hand-labelled real copy groups: groups found whole (dev and
 * report halves), predicted pairs that are true, optional (labelled neither way) or false.
 */
import { OPTIONAL_PAIRS, roleOfGroup, type CopyGroup } from './real-copies-labels.js';

export interface CopyGroupScore {
  readonly found: Record<'dev' | 'report', [number, number]>;
  readonly truePairs: number;
  readonly falsePairs: string[];
  readonly optionalPairs: number;
  readonly missed: CopyGroup[];
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

/** `canonical` maps each page id to the id of the page it copies (itself when original). */
export const scoreCopyGroups = (
  canonical: ReadonlyMap<string, string>,
  groups: readonly CopyGroup[],
): CopyGroupScore => {
  const found: CopyGroupScore['found'] = { dev: [0, 0], report: [0, 0] };
  const positive = new Set<string>();
  const missed: CopyGroup[] = [];
  for (const group of groups) {
    const role = roleOfGroup(group);
    found[role][1]++;
    const roots = new Set(group.pages.map((p) => canonical.get(p) ?? `missing:${p}`));
    if (roots.size === 1) found[role][0]++;
    else missed.push(group);
    for (const a of group.pages)
      for (const b of group.pages) if (a < b) positive.add(pairKey(a, b));
  }
  const optional = new Set(OPTIONAL_PAIRS.map(([a, b]) => pairKey(a, b)));
  const members = new Map<string, string[]>();
  for (const [id, root] of canonical) members.set(root, [...(members.get(root) ?? []), id]);
  let truePairs = 0;
  let optionalPairs = 0;
  const falsePairs: string[] = [];
  for (const list of members.values())
    for (const a of list)
      for (const b of list) {
        if (a >= b) continue;
        const key = pairKey(a, b);
        if (positive.has(key)) truePairs++;
        else if (optional.has(key)) optionalPairs++;
        else falsePairs.push(key);
      }
  return { found, truePairs, falsePairs, optionalPairs, missed };
};
