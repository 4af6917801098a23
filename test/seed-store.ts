import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnricher } from '../src/pipeline/enricher.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import type { ArticleStore } from '../src/store/port.js';
import { sharedPath } from './shared-data.js';

/** Ingests the four ../shared seed articles, enriched, into a store: tests that need real facts. */
export const ingestSeeds = async (store: ArticleStore): Promise<void> => {
  const seeds = sharedPath('seeds');
  if (seeds === undefined) throw new Error('../shared/seeds is absent: skip with skipUnlessShared');
  await ingestPaths(
    readdirSync(seeds).map((f) => join(seeds, f)),
    store,
    { enricher: await loadEnricher() },
  );
};
