import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clusterFeatures,
  clusterOf,
  decodeWordClusters,
  encodeWordClusters,
  parseWordClusters,
} from './word-clusters.js';

test('word clusters: lookup falls back to the usual case, and survive encoding', () => {
  const clusters = parseWordClusters('NATO\tk3b\nJapan\tb1c\nsaid\tr0a\nF-00\tq01\n');
  assert.equal(clusterOf(clusters, 'NATO'), 'k3b');
  assert.equal(clusterOf(clusters, 'Nato'), 'k3b', 'a word in other case finds its usual form');
  assert.equal(clusterOf(clusters, 'JAPAN'), 'b1c', 'a headline in capitals finds the name');
  assert.equal(clusterOf(clusters, 'Said'), 'r0a', 'a sentence-opening word finds its lower case');
  assert.equal(clusterOf(clusters, 'F-35'), 'q01', 'digits are folded');
  assert.equal(clusterOf(clusters, 'Zzyzx'), undefined);
  assert.deepEqual(clusterFeatures('k3b'), ['k1=k', 'k2=k3', 'k3=k3b']);
  assert.deepEqual(clusterFeatures(undefined), ['k=none']);
  assert.deepEqual(decodeWordClusters(encodeWordClusters(clusters)), clusters);
});
