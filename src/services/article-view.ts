import type { Article, ArticleRevision } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { StorySummary } from '../stories/story-listing.js';
import type { ArticleStore } from '../store/port.js';
import { storyOfArticle } from './story-views.js';
import { articleSyndication, type ArticleSyndication } from './syndication-view.js';

export interface ArticleView {
  readonly article: Article;
  readonly revisions: ArticleRevision[];
  readonly enrichment: ArticleEnrichment | undefined;
  readonly syndication: ArticleSyndication | undefined;
  readonly story: StorySummary | undefined;
}

/** One article with its revisions, enrichment, syndication group and story. */
export const articleView = async (
  store: ArticleStore,
  id: string,
): Promise<ArticleView | undefined> => {
  const article = await store.getArticle(id);
  if (!article) return undefined;
  const [revisions, enrichment, syndication, story] = await Promise.all([
    store.listRevisions(article.id),
    store.getEnrichment(article.id),
    store.nearDuplicates ? articleSyndication(store, store.nearDuplicates, article.id) : undefined,
    store.stories ? storyOfArticle(store.stories, article.id) : undefined,
  ]);
  return { article, revisions, enrichment, syndication, story };
};
