import type { ArticleFingerprint } from './article-fingerprint.js';
import type {
  BandCandidate,
  IndexedCandidate,
  NearDuplicateIndex,
} from './near-duplicate-index.js';
import { MAX_BUCKET_POSTINGS } from './bucket-bound.js';
import { groupDecisions } from './syndication-decision.js';
import type { SyndicationDecision, SyndicationGroup } from './syndication-decision.js';

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** In-memory NearDuplicateIndex for tests and benchmarks; the store's tables are the real one. */
export class MemoryNearDuplicateIndex implements NearDuplicateIndex {
  private readonly fingerprints = new Map<string, ArticleFingerprint>();
  private readonly buckets = new Map<number, string[]>();
  private readonly byText = new Map<string, string[]>();
  private readonly byUrl = new Map<string, string[]>();
  private readonly decisions = new Map<string, SyndicationDecision>();
  private readonly copies = new Map<string, Set<string>>();

  async addFingerprint(fingerprint: ArticleFingerprint, bands: readonly number[]): Promise<void> {
    if (this.fingerprints.has(fingerprint.articleId)) return;
    this.fingerprints.set(fingerprint.articleId, fingerprint);
    for (const band of bands) push(this.buckets, band, fingerprint.articleId);
    push(this.byText, fingerprint.textHash, fingerprint.articleId);
    if (fingerprint.urlHash !== undefined)
      push(this.byUrl, fingerprint.urlHash, fingerprint.articleId);
  }

  async getFingerprint(articleId: string): Promise<ArticleFingerprint | undefined> {
    return this.fingerprints.get(articleId);
  }

  async getCandidates(articleIds: readonly string[]): Promise<Map<string, IndexedCandidate>> {
    const found = new Map<string, IndexedCandidate>();
    for (const articleId of articleIds) {
      const fingerprint = this.fingerprints.get(articleId);
      const copyOf = this.decisions.get(articleId)?.of;
      if (fingerprint)
        found.set(articleId, { fingerprint, ...(copyOf === undefined ? {} : { copyOf }) });
    }
    return found;
  }

  async findBandCandidates(bands: readonly number[], limit: number): Promise<BandCandidate[]> {
    const shared = new Map<string, number>();
    for (const band of bands) {
      const ids = this.buckets.get(band) ?? [];
      // The newest MAX_BUCKET_POSTINGS only (bucket-bound.ts): the list is in indexing order.
      for (let i = ids.length - 1; i >= Math.max(0, ids.length - MAX_BUCKET_POSTINGS); i--) {
        const id = ids[i] as string;
        shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    return [...shared.entries()]
      .map(([articleId, sharedBands]) => ({ articleId, sharedBands }))
      .sort((a, b) => b.sharedBands - a.sharedBands || (a.articleId < b.articleId ? -1 : 1))
      .slice(0, limit);
  }

  async findByTextHash(textHash: string): Promise<string[]> {
    return [...(this.byText.get(textHash) ?? [])];
  }

  async findByUrlHash(urlHash: string): Promise<string[]> {
    return [...(this.byUrl.get(urlHash) ?? [])];
  }

  async getDecision(articleId: string): Promise<SyndicationDecision | undefined> {
    return this.decisions.get(articleId);
  }

  async listCopiesOf(canonicalId: string): Promise<SyndicationDecision[]> {
    return [...(this.copies.get(canonicalId) ?? [])].flatMap((id) => {
      const decision = this.decisions.get(id);
      return decision ? [decision] : [];
    });
  }

  async saveDecisions(decisions: readonly SyndicationDecision[]): Promise<void> {
    for (const decision of decisions) {
      const previous = this.decisions.get(decision.articleId);
      if (previous?.of !== undefined) this.copies.get(previous.of)?.delete(decision.articleId);
      this.decisions.set(decision.articleId, decision);
      if (decision.of !== undefined) {
        const set = this.copies.get(decision.of) ?? new Set<string>();
        set.add(decision.articleId);
        this.copies.set(decision.of, set);
      }
    }
  }

  async listGroups(): Promise<SyndicationGroup[]> {
    return groupDecisions(this.decisions.values());
  }
}
