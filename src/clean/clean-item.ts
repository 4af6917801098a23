import type { RawItem } from '../core/raw-item.js';
import type { BoilerplateModel } from './boilerplate-model.js';
import type { CleanDoc } from './clean-doc.js';
import { detectLanguage, LANGUAGE_VERSION } from './detect-language.js';
import { extractArticle } from './extract-article.js';
import { repairDump, REPAIR_STAGE_VERSIONS } from './repair-dump.js';

/**
 * Cleaning entry point: HTML goes through main-text extraction, text dumps through repair.
 * stageVersions names every stage that shaped the result, so `sitrep reprocess` can re-derive
 * exactly the documents a changed stage touched.
 */
export const CLEAN_VERSION = 'clean-2';

export interface CleanOptions {
  /** Boilerplate learned from earlier documents of the item's source (text dumps only). */
  readonly boilerplate?: BoilerplateModel;
}

const primaryLanguage = (tag: string | undefined): string | undefined => {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
};

const cleanHtml = (item: RawItem, html: string): CleanDoc => {
  const article = extractArticle(html);
  // What the reader saw (feed title, dates, authors) fills what the page does not declare.
  const title = article.title ?? item.title;
  const published = article.published ?? item.published;
  const language = article.language ?? primaryLanguage(item.language);
  const tags = article.tags.length > 0 ? article.tags : item.categories;
  return {
    ...(title !== undefined ? { title } : {}),
    text: article.text,
    paragraphs: article.paragraphs,
    authors: article.authors.length > 0 ? article.authors : item.authors,
    ...(published !== undefined ? { published } : {}),
    ...(article.modified !== undefined
      ? { modified: article.modified }
      : item.updated !== undefined
        ? { modified: item.updated }
        : {}),
    ...(article.site !== undefined
      ? { site: article.site }
      : item.source !== undefined
        ? { site: item.source }
        : {}),
    ...(language !== undefined ? { language } : {}),
    ...(article.canonicalUrl !== undefined ? { canonicalUrl: article.canonicalUrl } : {}),
    ...(article.section !== undefined ? { section: article.section } : {}),
    tags,
    ...(article.leadImage !== undefined ? { leadImage: article.leadImage } : {}),
    removed: article.removed,
    stageVersions: { clean: CLEAN_VERSION, ...article.stageVersions },
  };
};

const cleanText = (item: RawItem, text: string, options: CleanOptions): CleanDoc => {
  // A text dump's first line is only a title candidate; a feed item's or JSONL record's title is
  // metadata the source stated, so repair keeps it and drops only its repeats from the body.
  const knownTitle = item.format !== 'text' ? item.title : undefined;
  const repaired = repairDump(text, {
    ...(options.boilerplate ? { boilerplate: options.boilerplate } : {}),
    ...(knownTitle !== undefined ? { knownTitle } : {}),
  });
  const body = repaired.paragraphs.join('\n\n');
  const language = detectLanguage(body) ?? primaryLanguage(item.language);
  const title = repaired.title;
  const tags = [...new Set([...item.categories, ...repaired.tags])];
  return {
    ...(title !== undefined ? { title } : {}),
    ...(repaired.titleInferred ? { titleInferred: true } : {}),
    text: body,
    paragraphs: repaired.paragraphs,
    authors: item.authors,
    ...(item.published !== undefined ? { published: item.published } : {}),
    ...(item.updated !== undefined ? { modified: item.updated } : {}),
    ...(item.source !== undefined ? { site: item.source } : {}),
    ...(language !== undefined ? { language } : {}),
    tags,
    removed: repaired.removed,
    edits: repaired.edits,
    stageVersions: { clean: CLEAN_VERSION, ...REPAIR_STAGE_VERSIONS, language: LANGUAGE_VERSION },
  };
};

export const cleanItem = (item: RawItem, options: CleanOptions = {}): CleanDoc =>
  item.body.kind === 'html'
    ? cleanHtml(item, item.body.html)
    : cleanText(item, item.body.text, options);
