import type { ArticleStore } from '../store/port.js';

/** Enough of an article to name and link it in a list (copies, timelines). */
export interface ArticleRef {
  readonly id: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly published: string | null;
}

/** The article's title, source and date; an id whose article is gone still gets a ref (all null). */
export const articleRef = async (store: ArticleStore, id: string): Promise<ArticleRef> => {
  const article = await store.getArticle(id);
  return {
    id,
    title: article?.title ?? null,
    source: article?.source ?? null,
    published: article?.published ?? null,
  };
};
