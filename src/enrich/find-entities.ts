import type { EntityType, KnowledgeBase } from '../kb/kb-types.js';
import { linkMentions } from './link/link-mentions.js';
import { matchKnownNames } from './link/match-known-names.js';
import type { LinkedMention, Mention } from './link/mention.js';
import { harmoniseDocument } from './ner/document-consistency.js';
import { documentCase } from './ner/document-case.js';
import { mergeKbSpans, type TypedSpan } from './ner/merge-kb-spans.js';
import { demonymsBeforeSystems, type PlacedWord } from './ner/demonym-before-system.js';
import type { NerModel } from './ner/perceptron-model.js';
import { gazetteerTags, tagEntitySpans } from './ner/recognize-entities.js';
import type { Sentence, Token } from './tokenize.js';

export interface EntityMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  /** A KB id, or a stable local id (`local:person:mark-carney`). */
  readonly id: string;
  readonly name: string;
  /** What found it: the tagger, the KB, both, a unit pattern or an office title. */
  readonly source: string;
  /** How it was linked: alias, coreference, metonym, office-title, unit-pattern, local. */
  readonly method: string;
}

type CharSpan = TypedSpan & { readonly mentionSource?: Mention['source'] };

const usesGazetteer = new WeakMap<NerModel, boolean>();
const modelUsesGazetteer = (model: NerModel): boolean => {
  let known = usesGazetteer.get(model);
  if (known === undefined) {
    known = [...model.weights.keys()].some((k) => k.startsWith('gz='));
    usesGazetteer.set(model, known);
  }
  return known;
};

/**
 * The type reported beside the linked entity's name: the entity's own when the mention stands
 * for it (a metonym: "the Kremlin" -> Russia) or when the KB knows the name as a country or
 * place ("The United States" tagged ORG at the head of a quote is still the country), so name
 * and type never disagree; otherwise the mention's.
 */
const reportedType = (l: LinkedMention): EntityType =>
  l.kb && (l.method === 'metonym' || l.entityType === 'GPE') ? l.entityType : l.type;

/**
 * Mentions from the tagger (per sentence) merged with the KB's known names, unit patterns and
 * office titles (over the whole text), then linked to KB or local ids.
 */
export const findEntities = (
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  deps: { readonly kb: KnowledgeBase; readonly model: NerModel; readonly published?: string },
): EntityMention[] => {
  const gazetteer = modelUsesGazetteer(deps.model) ? deps.kb.matcher() : undefined;
  const split = sentences.map((s) => {
    const sentTokens = tokens.slice(s.tokenStart, s.tokenEnd);
    return { sentTokens, words: sentTokens.map((t) => t.text) };
  });
  // Headlines in capitals are restored with the body's own casing of the same words.
  const docCase = documentCase(split.map((s) => s.words));
  const tagged = split.map(({ sentTokens, words }) => {
    const gz = gazetteer ? gazetteerTags(words.length, gazetteer.matchTokens(words)) : undefined;
    return { sentTokens, words, spans: tagEntitySpans(words, deps.model, gz, docCase) };
  });
  const harmonised = harmoniseDocument(tagged);
  const modelSpans: CharSpan[] = [];
  tagged.forEach(({ sentTokens }, k) => {
    for (const span of harmonised[k] ?? []) {
      const a = sentTokens[span.start];
      const b = sentTokens[span.end - 1];
      if (a === undefined || b === undefined) continue;
      modelSpans.push({ ...span, start: a.start, end: b.end });
    }
  });
  const kbSpans: CharSpan[] = matchKnownNames(text, deps.kb).map((m) => ({
    start: m.start,
    end: m.end,
    type: m.type,
    ids: m.ids ?? [],
    source: 'kb',
    ...(m.source !== undefined ? { mentionSource: m.source } : {}),
  }));
  const merged = mergeKbSpans(modelSpans, kbSpans, (m) => {
    const c = text.charAt(m.start);
    return c !== c.toLowerCase() || m.mentionSource === 'unit-pattern';
  });
  // The word right before a span: the last token ending at or before it, only space between.
  const wordBefore = (s: CharSpan): PlacedWord | undefined => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((tokens[mid] as Token).end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    const t = tokens[lo - 1];
    return t !== undefined && text.slice(t.end, s.start).trim() === '' ? t : undefined;
  };
  const withNationalities = demonymsBeforeSystems(merged, wordBefore, (w) => ({
    start: w.start,
    end: w.end,
    type: 'NORP' as const,
    ids: [],
    source: 'model' as const,
  }));
  const mentions: Mention[] = withNationalities.map((s) => ({
    text: text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
    type: s.type,
    ...(s.ids.length > 0 ? { ids: s.ids } : {}),
    source: s.mentionSource ?? (s.source === 'model' ? 'ner' : 'kb'),
  }));
  const linked: LinkedMention[] = linkMentions(
    mentions,
    deps.published !== undefined ? { text, published: deps.published } : { text },
    deps.kb,
  );
  return linked.map((l, i) => ({
    text: l.text,
    start: l.start,
    end: l.end,
    type: reportedType(l),
    id: l.id,
    name: l.name,
    source: withNationalities[i]?.source === 'model+kb' ? 'ner+kb' : (l.source ?? 'ner'),
    method: l.method,
  }));
};
