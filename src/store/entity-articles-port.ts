/**
 * The articles mentioning an entity, newest published first (undated last), straight from the
 * mention index: entity pages read an entity's own sentences from them. The search engine can
 * answer the same with `entity:"id"`, but a filter-only query walks the newest articles until
 * enough match, which costs hundreds of milliseconds for a rarely mentioned entity on 100k articles.
 */
export interface EntityArticles {
  newestArticleIds(entityId: string, limit: number): Promise<string[]>;
}
