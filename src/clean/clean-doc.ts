/** What cleaning produces from one RawItem: exactly the article, and an account of what was removed. */
export interface Removal {
  readonly text: string;
  readonly reason: string;
}

/** A change made in place (spacing repaired), kept so the raw text can be traced to the clean one. */
export interface Edit {
  readonly before: string;
  readonly after: string;
  readonly reason: string;
}

export interface CleanDoc {
  readonly title?: string;
  readonly text: string;
  readonly paragraphs: readonly string[];
  readonly authors: readonly string[];
  readonly published?: string;
  readonly modified?: string;
  readonly site?: string;
  readonly language?: string;
  readonly canonicalUrl?: string;
  readonly tags: readonly string[];
  readonly leadImage?: string;
  readonly removed: readonly Removal[];
  /** In-place repairs (optional: documents cleaned before the repair stage have none). */
  readonly edits?: readonly Edit[];
  /** True when the title was inferred from the text rather than stated by it. */
  readonly titleInferred?: boolean;
  /** Section the page files the article under (HTML metadata). */
  readonly section?: string;
  /** Stage name -> version of every stage that shaped this document (saved with the article). */
  readonly stageVersions: Readonly<Record<string, string>>;
}
