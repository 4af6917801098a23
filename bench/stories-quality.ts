/**
 * B-cubed precision/recall/F1 of incremental story clustering on two labelled sets in ../shared:
 * GoogleNews-TS (11,109 pre-processed title+snippet texts, 152 story clusters) and WikiRef220
 * (220 articles, cp1252, headline on line 1, label = file-name prefix). Articles arrive once, in
 * file order (GoogleNews) or sorted file-name order shuffled by a fixed seed (WikiRef).
 *
 * Usage: npx tsx bench/stories-quality.ts [--thresholds 0.2,0.3] [--title-weight 2] [--candidates 20]
 *   [--centroid-terms 400]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assignStory } from '../src/stories/assign-story.js';
import type { StoryInput } from '../src/stories/assign-story.js';
import { MemoryStoryIndex } from '../src/stories/memory-story-index.js';
import { storyOptions } from '../src/stories/story-options.js';
import { corpusDir } from './dedup-corpora.js';
import { seededRandom } from './syndication-generator.js';

const { values } = parseArgs({
  options: {
    thresholds: { type: 'string', default: '0.1' },
    'title-weight': { type: 'string', default: '2' },
    only: { type: 'string' },
    'lookup-terms': { type: 'string', default: '30' },
    candidates: { type: 'string', default: '20' },
    'centroid-terms': { type: 'string', default: '400' },
    merge: { type: 'string', default: '0.3' },
    names: { type: 'string', default: '1' },
    idf: { type: 'string', default: 'bm25' },
  },
});

interface Labelled {
  readonly input: StoryInput;
  readonly label: string;
}

/** B-cubed (Bagga & Baldwin): per-item precision and recall of its cluster against its class. */
export const bcubed = (predicted: readonly string[], truth: readonly string[]) => {
  const pairCount = new Map<string, number>();
  const clusterSize = new Map<string, number>();
  const classSize = new Map<string, number>();
  predicted.forEach((p, i) => {
    const key = `${p}\u0000${truth[i]}`;
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
    clusterSize.set(p, (clusterSize.get(p) ?? 0) + 1);
    classSize.set(truth[i] as string, (classSize.get(truth[i] as string) ?? 0) + 1);
  });
  let precision = 0;
  let recall = 0;
  predicted.forEach((p, i) => {
    const both = pairCount.get(`${p}\u0000${truth[i]}`) as number;
    precision += both / (clusterSize.get(p) as number);
    recall += both / (classSize.get(truth[i] as string) as number);
  });
  precision /= predicted.length;
  recall /= predicted.length;
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    clusters: clusterSize.size,
  };
};

const googleNews = (): Labelled[] =>
  readFileSync(corpusDir('googlenews-ts-story-clusters', 'GoogleNews-TS.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const row = JSON.parse(line) as { text: string; cluster: number };
      return { input: { id: `gn-${i}`, text: row.text }, label: String(row.cluster) };
    });

const wikiRef = (): Labelled[] => {
  const dir = corpusDir('wikiref220-news-clusters', 'WikiRef220');
  const decoder = new TextDecoder('windows-1252');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const random = seededRandom(7);
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [files[i], files[j]] = [files[j] as string, files[i] as string];
  }
  return files.map((file) => {
    const bytes = readFileSync(join(dir, file));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decoder.decode(bytes);
    }
    const [title = '', ...body] = text.split(/\r?\n/);
    return {
      input: { id: file, title: title.trim(), text: body.join('\n') },
      label: (/^([A-Za-z0-9]+?)[ ._(]/.exec(file)?.[1] ?? file).toLowerCase(),
    };
  });
};

const sets: [string, () => Labelled[]][] = [
  ['GoogleNews-TS', googleNews],
  ['WikiRef220', wikiRef],
];
for (const [name, load] of sets) {
  if (values.only && !name.toLowerCase().includes(values.only.toLowerCase())) continue;
  const items = load();
  console.log(
    `${name}: ${items.length} articles, ${new Set(items.map((i) => i.label)).size} labelled clusters`,
  );
  console.log('  threshold  precision  recall   F1      stories  ms/article  cpu-ms/article');
  for (const threshold of (values.thresholds ?? '').split(',').map(Number)) {
    const index = new MemoryStoryIndex();
    const options = storyOptions({
      threshold,
      titleWeight: Number(values['title-weight']),
      lookupTerms: Number(values['lookup-terms']),
      maxCandidates: Number(values.candidates),
      centroidTerms: Number(values['centroid-terms']),
      mergeThreshold: Number(values.merge),
      nameWeight: Number(values.names),
      idf: values.idf === 'bm25' ? 'bm25' : 'smooth',
    });
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const predicted: string[] = [];
    for (const item of items)
      predicted.push((await assignStory(item.input, index, options)).storyId);
    const ms = (performance.now() - started) / items.length;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuMs = (cpu.user + cpu.system) / 1000 / items.length;
    const score = bcubed(
      predicted,
      items.map((i) => i.label),
    );
    console.log(
      `  ${threshold.toFixed(2).padStart(9)}  ${score.precision.toFixed(4).padStart(9)}  ${score.recall.toFixed(4)}  ${score.f1.toFixed(4)}  ${String(score.clusters).padStart(7)}  ${ms.toFixed(3)}  ${cpuMs.toFixed(3)}`,
    );
  }
}
