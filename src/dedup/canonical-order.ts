import type { ArticleFingerprint } from './article-fingerprint.js';

const time = (published: string | undefined): number => {
  if (published === undefined) return Number.POSITIVE_INFINITY;
  const parsed = Date.parse(published);
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
};

/**
 * Total order that picks a group's canonical: earliest published, then the fuller text, then the
 * smaller id. Being total (never arrival order) is what makes groups the same whatever order
 * articles arrive in. Negative when `a` is the better canonical.
 */
export const compareCanonical = (a: ArticleFingerprint, b: ArticleFingerprint): number => {
  const byTime = time(a.published) - time(b.published);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime < 0 ? -1 : 1;
  if (a.words.length !== b.words.length) return b.words.length - a.words.length;
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0;
};
