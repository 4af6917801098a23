import type { Removal } from './clean-doc.js';
import { detectLanguage, isDetectable, LANGUAGE_VERSION } from './detect-language.js';
import { METADATA_VERSION, readMetadata } from './html-metadata.js';
import { parseHtml } from './html-tree.js';
import { MAIN_TEXT_VERSION, selectMainText } from './main-text.js';

/** HTML page -> the article it carries: main text by paragraph plus declared metadata. */
export const EXTRACT_VERSION = 'extract-1';

export interface ExtractedArticle {
  readonly title?: string;
  readonly paragraphs: readonly string[];
  readonly text: string;
  readonly authors: readonly string[];
  readonly published?: string;
  readonly modified?: string;
  readonly site?: string;
  readonly language?: string;
  /** What the page declared (<html lang>, og:locale), kept apart from what the text reads as. */
  readonly declaredLanguage?: string;
  readonly canonicalUrl?: string;
  readonly section?: string;
  readonly tags: readonly string[];
  readonly leadImage?: string;
  readonly removed: readonly Removal[];
  readonly stageVersions: Readonly<Record<string, string>>;
}

export const EXTRACT_STAGE_VERSIONS: Readonly<Record<string, string>> = {
  extract: EXTRACT_VERSION,
  'main-text': MAIN_TEXT_VERSION,
  metadata: METADATA_VERSION,
  language: LANGUAGE_VERSION,
};

const primarySubtag = (tag: string | undefined): string | undefined => {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
};

export const extractArticle = (html: string): ExtractedArticle => {
  const page = parseHtml(html);
  const meta = readMetadata(page.head, page.landmarks);
  const description =
    page.head.meta.get('og:description')?.[0] ??
    page.head.meta.get('description')?.[0] ??
    page.head.meta.get('twitter:description')?.[0];
  const main = selectMainText(page.root, meta.title, description);
  const text = main.paragraphs.join('\n\n');
  const declaredLanguage = primarySubtag(meta.language);
  // What the text reads as beats what the template declares (templates often say "en" everywhere),
  // unless the declared language is one the detector cannot recognise.
  const language =
    declaredLanguage !== undefined && !isDetectable(declaredLanguage)
      ? declaredLanguage
      : (detectLanguage(text) ?? declaredLanguage);
  return {
    ...(meta.title !== undefined ? { title: meta.title } : {}),
    paragraphs: main.paragraphs,
    text,
    authors: meta.authors,
    ...(meta.published !== undefined ? { published: meta.published } : {}),
    ...(meta.modified !== undefined ? { modified: meta.modified } : {}),
    ...(meta.site !== undefined ? { site: meta.site } : {}),
    ...(language !== undefined ? { language } : {}),
    ...(declaredLanguage !== undefined ? { declaredLanguage } : {}),
    ...(meta.canonicalUrl !== undefined ? { canonicalUrl: meta.canonicalUrl } : {}),
    ...(meta.section !== undefined ? { section: meta.section } : {}),
    tags: meta.tags,
    ...(meta.leadImage !== undefined ? { leadImage: meta.leadImage } : {}),
    removed: main.dropped,
    stageVersions: EXTRACT_STAGE_VERSIONS,
  };
};
