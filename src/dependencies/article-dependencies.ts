import type { EdgeParty } from '../core/supply-edge.js';
import { splitSentences, tokenize } from '../enrich/tokenize.js';
import type { LedgerArticle } from '../claims/ledger-input.js';
import {
  GRAPH_VERSION,
  type AlternativeMention,
  type DependencyEdge,
  type Evidence,
  type GraphParty,
} from './dependency-edge.js';

export const graphParty = (party: EdgeParty): GraphParty => ({
  key: party.id ?? `name:${party.name.toLowerCase().replace(/\s+/g, ' ').trim()}`,
  name: party.name,
  ...(party.id !== undefined ? { id: party.id } : {}),
});

const TRANSFER_STATUSES = new Set(['ordered', 'committed', 'delivered']);

/** Words that make two systems in one sentence alternatives, not a list. */
const ALTERNATIVE_CUE_RE =
  /\b(?:alternatives?|instead|opt(?:ing|ed)? for|rather than|replace|replacing|replacement|in place of|substitute|competitor|rival|option|choose|chose|versus|vs\.?|over the|European-made|home-grown|own)\b/i;

export interface ArticleDependencies {
  readonly edges: DependencyEdge[];
  readonly alternatives: AlternativeMention[];
}

/**
 * The supply/dependency edges one article states, each with its sentence as evidence, and the
 * sentences that weigh one system against another (the alternatives an exposure report lists).
 */
export const dependenciesOfArticle = (article: LedgerArticle): ArticleDependencies => {
  const { text, document } = article;
  const sentences = splitSentences(text, tokenize(text));
  const sentenceAround = (start: number, end: number) => {
    const first = sentences.find((s) => s.start <= start && start < s.end);
    const last = sentences.find((s) => s.start < end && end <= s.end);
    return { start: first?.start ?? start, end: last?.end ?? end };
  };
  const evidenceOf = (start: number, end: number): Evidence => {
    const span = sentenceAround(start, end);
    return {
      articleId: article.id,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      ...(article.published ? { published: article.published } : {}),
      ...(article.source ? { source: article.source } : {}),
      syndicationGroup: article.syndicationGroup,
    };
  };

  const edges = document.edges.map((edge): DependencyEdge => {
    const system = graphParty(edge.system);
    const transfer = TRANSFER_STATUSES.has(edge.status) && !edge.negated && !edge.hedged;
    const marked = edge.negated
      ? 'negated'
      : edge.hedged
        ? 'hedged (talks, consideration)'
        : edge.status === 'requested'
          ? 'request (not a transfer)'
          : undefined;
    const reasons = [
      ...edge.reasons.map((r) => `extractor: ${r}`),
      transfer
        ? `SIPRI/Kiel: ${edge.status} counts as a transfer`
        : edge.status === 'operates' || edge.status === 'depends_on'
          ? `status ${edge.status}: possession or reliance, not a transfer`
          : `kept but not counted as a transfer: ${marked ?? edge.status}`,
    ];
    return {
      recipient: graphParty(edge.recipient),
      ...(edge.supplier ? { supplier: graphParty(edge.supplier) } : {}),
      system,
      status: edge.status,
      negated: edge.negated,
      hedged: edge.hedged,
      transfer,
      ...(marked ? { marked } : {}),
      ...(edge.quantity !== undefined ? { quantity: edge.quantity } : {}),
      evidence: evidenceOf(edge.start, edge.end),
      reasons,
      version: GRAPH_VERSION,
    };
  });

  const alternatives: AlternativeMention[] = [];
  const weapons = document.entities.filter(
    (e) => e.type === 'WEAPON' && !e.id.startsWith('local:'),
  );
  // "acquiring U.S. Patriot missiles": a sentence cut after a dotted acronym continues in the next.
  const statements: { start: number; end: number }[] = [];
  for (const sentence of sentences) {
    const previous = statements.at(-1);
    if (previous && /(?:\b[A-Z]\.){2,}\s*$/.test(text.slice(previous.start, previous.end)))
      previous.end = sentence.end;
    else statements.push({ start: sentence.start, end: sentence.end });
  }
  for (const sentence of statements) {
    const inside = weapons.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
    const distinct = [...new Map(inside.map((e) => [e.id, e])).values()];
    if (distinct.length < 2) continue;
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (!ALTERNATIVE_CUE_RE.test(sentenceText)) continue;
    for (const a of distinct)
      for (const b of distinct) {
        if (a.id === b.id) continue;
        alternatives.push({
          system: graphParty(a),
          alternative: graphParty(b),
          evidence: evidenceOf(sentence.start, sentence.end),
          reasons: [`alternative cue: "${ALTERNATIVE_CUE_RE.exec(sentenceText)?.[0]}"`],
          version: GRAPH_VERSION,
        });
      }
  }
  return { edges, alternatives };
};
