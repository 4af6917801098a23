/**
 * Word clusters learnt from unlabelled news (scripts/build-word-clusters.ts): each frequent word
 * has a path of three cluster ids, coarse to fine ("k3b"). The tagger reads the path's prefixes
 * as features, so a word it never saw labelled is typed like the words that share its contexts.
 * Saved inside the model, so a model is always tagged with the clusters it was trained with.
 */

/** Word -> path ("k3b"); keys are clusterKey forms. */
export type WordClusters = ReadonlyMap<string, string>;

/** The form clusters are keyed by: case kept, digits folded to 0, curly apostrophes straight. */
export const clusterKey = (w: string): string => w.replace(/\d/g, '0').replace(/[’‘]/g, "'");

/** The "word<TAB>path" lines of clusters/word-clusters.tsv. */
export const parseWordClusters = (text: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
};

/**
 * A word's cluster path: its own form, else (for a word in capitals or starting a sentence) the
 * forms running text usually has ("NATO", "Nato", "nato").
 */
export const clusterOf = (clusters: WordClusters, w: string): string | undefined => {
  const key = clusterKey(w);
  const own = clusters.get(key);
  if (own !== undefined) return own;
  const lower = key.toLowerCase();
  return (
    clusters.get(lower) ??
    clusters.get(lower.charAt(0).toUpperCase() + lower.slice(1)) ??
    clusters.get(key.toUpperCase())
  );
};

/** Features of a word's own cluster path, prefix by prefix. */
export const clusterFeatures = (path: string | undefined): string[] =>
  path === undefined
    ? ['k=none']
    : ['k1=' + path.slice(0, 1), 'k2=' + path.slice(0, 2), 'k3=' + path];

export const encodeWordClusters = (clusters: WordClusters): string[] =>
  [...clusters].map(([w, p]) => `${w}\t${p}`);

export const decodeWordClusters = (lines: readonly string[]): Map<string, string> =>
  parseWordClusters(lines.join('\n'));
