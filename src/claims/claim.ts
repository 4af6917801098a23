/** Bumped whenever claim derivation or comparison rules change; saved with every claim and flag. */
export const CLAIMS_VERSION = 'claims-10';

/** How a figure bounds the true value: "at least 52" is a floor, "up to 300,000" a ceiling. */
export type ClaimQualifier =
  'exact' | 'at least' | 'more than' | 'up to' | 'less than' | 'about' | 'range';

export interface Claimant {
  readonly name: string;
  readonly id?: string;
  /** A quoted or reported speaker, or the outlet when nobody is quoted. */
  readonly kind: 'speaker' | 'outlet';
}

export interface NormalisedValue {
  readonly value: number;
  readonly unit: string;
  /** For money: US dollars per unit of the stated currency, the year of the average and its source. */
  readonly rate?: { readonly usdPerUnit: number; readonly year: number; readonly source: string };
}

export interface Claim {
  readonly articleId: string;
  /** Evidence: the figure's offsets in the article text, and the sentence around it. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentence: { readonly start: number; readonly end: number };
  /** The described quantity ("countries", "EU defense package"). */
  readonly subject: string;
  /** The entity the quantity belongs to, when one is named or referred back to ("the group"). */
  readonly about?: { readonly id: string; readonly name: string };
  /** Content words of the statement (numbers left out): cross-article claims compare only in like contexts. */
  readonly context: readonly string[];
  /** Grouping key: claims with the same measure are about the same quantity. */
  readonly measure: string;
  /** Human label of the measure ("countries of Ukraine Defense Contact Group"). */
  readonly measureLabel: string;
  readonly kind: string;
  readonly value: number;
  /** Upper end of a range ("20-25 countries"), when stated. */
  readonly high?: number;
  readonly unit: string;
  readonly normalised: NormalisedValue;
  readonly qualifier: ClaimQualifier;
  /** "by 20,000", "an increase of": a change, not a level; never compared with levels. */
  readonly delta: boolean;
  /** What happened to the counted thing ("killed", "wounded", "supplied"), when the clause says. */
  readonly predicate?: string;
  /** A count for one day ("killed 7 civilians over the past day"): only that day's reports compare. */
  readonly perDay: boolean;
  /** A running tally ("has recorded ... since the invasion began", "so far"): it moves daily. */
  readonly running: boolean;
  /** ISO date (or yyyy-mm / yyyy) the figure holds at, and where that came from. */
  readonly asOf?: string;
  readonly asOfBasis: 'sentence date' | 'published' | 'unknown';
  /** The hour a report states ("as of 19:30", a "24.09.22 07:20 -" dateline): a toll at 19:30 and at 20:50 are two times. */
  readonly reportedAt?: string;
  /**
   * The part of the day the sentence says its figure holds for ("as of the morning of October 9",
   * "in the evening of April 16", "as of 10:00" -> morning): a snapshot or window of a day whose toll moves.
   */
  readonly dayPart?: 'morning' | 'afternoon' | 'evening' | 'night';
  /** A killed or wounded count's article also states the other: their sum (the casualties in all). */
  readonly articleTotal?: number;
  readonly claimant: Claimant;
  readonly published?: string;
  readonly source?: string;
  /** The canonical article of the syndication group: copies share it. */
  readonly syndicationGroup: string;
  readonly reasons: readonly string[];
  readonly version: string;
}
