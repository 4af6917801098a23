import {
  BOILERPLATE_VERSION,
  isBuiltInBoilerplate,
  isLearnedBoilerplate,
  isReaderAppeal,
  type BoilerplateModel,
} from './boilerplate-model.js';
import type { Edit, Removal } from './clean-doc.js';
import { splitDumpParagraphs } from './dump-paragraphs.js';
import { inferTitle, looksLikeTitle } from './dump-title.js';
import { isNearRepeat, paragraphKey, paragraphSignature } from './paragraph-similarity.js';
import type { ParagraphSignature } from './paragraph-similarity.js';
import { PUNCTUATION_SPACING_VERSION, repairPunctuationSpacing } from './punctuation-spacing.js';
import { splitTagPrefix } from './tag-prefix.js';

/** Text dump -> the article in it: title, paragraphs, and an account of every removal. */
export const REPAIR_VERSION = 'repair-dump-1';

export const REPAIR_STAGE_VERSIONS: Readonly<Record<string, string>> = {
  repair: REPAIR_VERSION,
  boilerplate: BOILERPLATE_VERSION,
  'punctuation-spacing': PUNCTUATION_SPACING_VERSION,
};

export interface RepairOptions {
  /** Boilerplate learned from other documents of the same source (see learnBoilerplate). */
  readonly boilerplate?: BoilerplateModel;
  /**
   * The title as the input's metadata states it (feed item, JSONL record). The dump's first line
   * is then the title only when it repeats it; otherwise the first line is body text.
   */
  readonly knownTitle?: string;
}

export interface RepairedDump {
  readonly title?: string;
  /** True when the dump had no title line and the title was made from its first sentence. */
  readonly titleInferred: boolean;
  readonly paragraphs: readonly string[];
  /** Tags found glued to the first paragraph ("us, ukraine - ..."): metadata, not text. */
  readonly tags: readonly string[];
  readonly removed: readonly Removal[];
  readonly edits: readonly Edit[];
  readonly stageVersions: Readonly<Record<string, string>>;
}

const LONE_PUNCTUATION = /^[\p{P}\p{S}\s]+$/u;

export const repairDump = (text: string, options: RepairOptions = {}): RepairedDump => {
  const lines = splitDumpParagraphs(text);
  const removed: Removal[] = [];
  const edits: Edit[] = [];
  let tags: string[] = [];

  let title: string | undefined = options.knownTitle?.trim() || undefined;
  let start = 0;
  const first = lines[0];
  // A first line the dump repeats straight away is a title whatever its punctuation.
  const repeatedAtOnce =
    first !== undefined &&
    lines[1] !== undefined &&
    paragraphKey(first) === paragraphKey(lines[1]) &&
    first.length <= 300;
  if (title !== undefined) {
    // Repeats of the known title are dropped below like any repeated title line.
  } else if (first !== undefined && lines.length > 1 && (looksLikeTitle(first) || repeatedAtOnce)) {
    title = repairPunctuationSpacing(first).text;
    start = 1;
  }
  const titleKey = title !== undefined ? paragraphSignature(paragraphKey(title)) : undefined;

  const kept: { text: string; key: ParagraphSignature }[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (LONE_PUNCTUATION.test(line)) {
      removed.push({ text: line, reason: 'lone-punctuation' });
      continue;
    }
    if (isBuiltInBoilerplate(line)) {
      removed.push({ text: line, reason: 'boilerplate' });
      continue;
    }
    if (isLearnedBoilerplate(options.boilerplate, line)) {
      removed.push({ text: line, reason: 'learned-boilerplate' });
      continue;
    }
    let paragraph = line;
    if (kept.length === 0) {
      const split = splitTagPrefix(paragraph);
      if (split) {
        removed.push({ text: split.prefix.trim(), reason: 'tag-prefix' });
        tags = [...split.tags];
        paragraph = split.rest;
      }
    }
    const spaced = repairPunctuationSpacing(paragraph);
    const before = paragraph;
    paragraph = spaced.text;
    const key = paragraphSignature(paragraphKey(paragraph));
    if (key.key === '') {
      removed.push({ text: line, reason: 'lone-punctuation' });
      continue;
    }
    if (titleKey !== undefined && isNearRepeat(key, titleKey)) {
      removed.push({ text: line, reason: 'repeated-title' });
      continue;
    }
    const earlier = kept.find((k) => isNearRepeat(key, k.key));
    if (earlier) {
      removed.push({
        text: line,
        reason: earlier.key.key === key.key ? 'duplicate-paragraph' : 'near-duplicate-paragraph',
      });
      continue;
    }
    if (spaced.changed) edits.push({ before, after: paragraph, reason: 'punctuation-spacing' });
    kept.push({ text: paragraph, key });
  }

  // A sign-off to the reader sits after the article; walk back from the end while lines are one.
  const tail: Removal[] = [];
  while (kept.length > 1 && isReaderAppeal(kept[kept.length - 1]!.text)) {
    tail.unshift({ text: kept.pop()!.text, reason: 'reader-appeal' });
  }
  removed.push(...tail);

  const paragraphs = kept.map((k) => k.text);
  const firstParagraph = paragraphs[0];
  const titleInferred = title === undefined && firstParagraph !== undefined;
  if (titleInferred) title = inferTitle(firstParagraph);
  return {
    ...(title !== undefined ? { title } : {}),
    titleInferred,
    paragraphs,
    tags,
    removed,
    edits,
    stageVersions: REPAIR_STAGE_VERSIONS,
  };
};
