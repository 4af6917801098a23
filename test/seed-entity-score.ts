import { readFileSync } from 'node:fs';
import { cleanItem } from '../src/clean/clean-item.js';
import { enrichArticle, type EnrichDeps } from '../src/enrich/enrich-article.js';
import { readFileBytes } from '../src/ingest/read-file.js';
import { repoPath } from './shared-data.js';

/**
 * Name+type scoring of the entities sitrep reports on a seed article against the hand gold in
 * test/golden/seed-entities.json, shared by bench/seed-entities.ts and the golden test.
 */
export interface GoldEntity {
  readonly names: readonly string[];
  readonly types: readonly string[];
}

export interface SeedGold {
  readonly entities: readonly GoldEntity[];
  /** Borderline entities: neither hits nor spurious. */
  readonly optional: readonly GoldEntity[];
}

export const loadSeedGold = (): Record<string, SeedGold> =>
  (
    JSON.parse(readFileSync(repoPath('test', 'golden', 'seed-entities.json'), 'utf8')) as {
      seeds: Record<string, SeedGold>;
    }
  ).seeds;

export interface SeedScore {
  readonly predicted: number;
  readonly correct: number;
  readonly gold: number;
  readonly found: number;
  readonly spurious: string[];
  readonly missed: string[];
}

const matches = (g: GoldEntity, name: string, type: string): boolean =>
  g.types.includes(type) && g.names.some((n) => n.toLowerCase() === name.toLowerCase());

/** Reads and cleans the file as `sitrep enrich` does, then scores its distinct (name, type) pairs. */
export const scoreSeed = (path: string, gold: SeedGold, deps: EnrichDeps): SeedScore => {
  const pairs = new Map<string, { name: string; type: string }>();
  for (const event of readFileBytes(path, readFileSync(path))) {
    if (event.kind !== 'item') continue;
    const doc = cleanItem(event.item);
    const e = enrichArticle({ text: doc.text, ...(doc.title ? { title: doc.title } : {}) }, deps);
    for (const x of e.entities) {
      const name = x.name ?? x.text;
      pairs.set(`${name}\t${x.type}`, { name, type: x.type });
    }
  }
  const spurious: string[] = [];
  let predicted = 0;
  let correct = 0;
  for (const { name, type } of pairs.values()) {
    if (gold.optional.some((o) => matches(o, name, type))) continue;
    predicted++;
    if (gold.entities.some((o) => matches(o, name, type))) correct++;
    else spurious.push(`${name}/${type}`);
  }
  const missed = gold.entities
    .filter((o) => ![...pairs.values()].some(({ name, type }) => matches(o, name, type)))
    .map((m) => `${m.names[0]}/${m.types[0]}`);
  return {
    predicted,
    correct,
    gold: gold.entities.length,
    found: gold.entities.length - missed.length,
    spurious,
    missed,
  };
};
