import type { EntityType } from '../../kb/kb-types.js';

/** A span of article text that names something, with offsets into that text. */
export interface Mention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  /** KB candidates already known (from the KB matcher); linking re-checks them. */
  readonly ids?: readonly string[];
  /** What found it: the KB matcher, the unit pattern, an office title, or the NER tagger. */
  readonly source?: 'kb' | 'unit-pattern' | 'office-title' | 'ner';
}

/** How a mention was tied to its entity, so an analyst can judge the link. */
export type LinkMethod =
  'alias' | 'coreference' | 'metonym' | 'office-title' | 'unit-pattern' | 'local';

export interface LinkedMention extends Mention {
  /** A KB id, or a stable local id such as `local:person:mark-carney`. */
  readonly id: string;
  /** Display name of the entity (KB name, or the longest form seen in the article). */
  readonly name: string;
  /** The entity's type, which may differ from the mention's (a metonym "Washington" -> GPE, the Pentagon -> ORG). */
  readonly entityType: EntityType;
  readonly kb: boolean;
  readonly method: LinkMethod;
  /** Follows successor links (Hanwha Techwin -> Hanwha Aerospace) so counts can be merged. */
  readonly canonicalId: string;
  /** For metonyms: the place or building written ("Washington", "the Kremlin"). */
  readonly placeId?: string;
  /** For office titles: the office resolved by the article date. */
  readonly officeId?: string;
  /** Short reason for non-trivial decisions ("context: nato, alliance"). */
  readonly note?: string;
}

export interface LinkContext {
  readonly text: string;
  /** Publication date (ISO). Office titles resolve against it; without it the current holder is used. */
  readonly published?: string;
}
