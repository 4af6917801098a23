/**
 * Public types of the defence knowledge base. Other stages (NER features, linking) code against
 * these names: keep them stable.
 */

export const ENTITY_TYPES = [
  'PERSON',
  'ORG',
  'GPE',
  'LOC',
  'FACILITY',
  'WEAPON',
  'UNIT',
  'EVENT',
  'NORP',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** Finer kind inside a type, so linking can prefer e.g. a country over a city of the same name. */
export type EntityKind =
  | 'country'
  | 'territory'
  | 'city'
  | 'seat'
  | 'region'
  | 'alliance'
  | 'international-body'
  | 'government-body'
  | 'ministry'
  | 'agency'
  | 'company'
  | 'armed-force'
  | 'formation'
  | 'person'
  | 'demonym'
  | 'weapon'
  | 'event'
  | 'other';

/** A membership with its dates (ISO yyyy-mm-dd); `until` absent = still a member. */
export interface Membership {
  readonly of: string;
  readonly since: string;
  readonly until?: string;
}

export interface KbEntity {
  /** Stable id, e.g. `gpe:us`, `org:nato`, `company:rtx`, `weapon:himars`, `person:joe-biden`. */
  readonly id: string;
  readonly type: EntityType;
  readonly kind: EntityKind;
  /** Display name. */
  readonly name: string;
  /** Other names it is written as (the name itself need not be repeated). */
  readonly aliases: readonly string[];
  /**
   * Names matched in running text only with exactly this case (written "=PLAN" in data files):
   * "Plan" and "Milan" are words, PLAN and MILAN are a navy and a missile.
   */
  readonly exactCaseAliases?: readonly string[];
  /**
   * Names used for lookups and linking but not searched for in running text (written "~Rafael"):
   * too ambiguous alone ("Rafael" Nadal, "Ajax" the club). The NER tagger may still find them.
   */
  readonly lookupOnlyAliases?: readonly string[];
  /** Where the fact came from: always present, one short note. */
  readonly source: string;
  readonly description?: string;
  /** ISO 3166-1 alpha-2 of the country it belongs to / originates from (several for joint ventures). */
  readonly countries?: readonly string[];
  // countries (GPE kind=country|territory)
  readonly iso2?: string;
  readonly iso3?: string;
  readonly memberships?: readonly Membership[];
  // weapons
  readonly category?: string;
  /** Company ids of the makers. */
  readonly makers?: readonly string[];
  // companies, bodies, units: the entity this one became (Hanwha Techwin -> Hanwha Aerospace)
  readonly successor?: string;
  /** Parent organisation / company / force (e.g. a unit's army, a subsidiary's group). */
  readonly parent?: string;
  /**
   * A place or building that stands for an actor ("Washington" -> US, "the Kremlin" -> Russia's
   * presidency, "Brussels" -> EU or NATO). Candidates in order of preference; linking picks by context.
   */
  readonly metonymFor?: readonly string[];
  /** For a NORP (demonym): the country or group it derives from. */
  readonly demonymOf?: string;
  // events: when it began and ended (ISO dates; end absent = ongoing or recurring)
  readonly startDate?: string;
  readonly endDate?: string;
  /** Entities added by a user's kb folder rather than shipped. */
  readonly user?: boolean;
}

/** One holder of an office over a term (end absent = in office). Dates are ISO yyyy-mm-dd. */
export interface OfficeTerm {
  readonly person: string;
  readonly start: string;
  readonly end?: string;
}

/** An office such as "NATO Secretary General" resolved to a person by date. */
export interface KbOffice {
  /** e.g. `office:nato-secretary-general`, `office:us-president`. */
  readonly id: string;
  readonly name: string;
  /** Title phrases that refer to the office ("NATO chief", "Pentagon chief", "the U.S. president"). */
  readonly titles: readonly string[];
  /** The country or organisation the office belongs to. */
  readonly of: string;
  readonly terms: readonly OfficeTerm[];
  readonly source: string;
}

/** A phrase found by the matcher: token indices [start, end) and the entities it may denote. */
export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  readonly ids: readonly string[];
  readonly types: readonly EntityType[];
}

/** A phrase found in raw text: character offsets [start, end). */
export interface TextMatch {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly ids: readonly string[];
  readonly types: readonly EntityType[];
}

/** Longest-match lookup of known names over token sequences or raw text. */
export interface PhraseMatcher {
  /** Tokens as they appear (case is handled per alias: short acronyms match case-sensitively). */
  matchTokens(tokens: readonly string[]): PhraseMatch[];
  /** Raw text, on word boundaries, longest match first, non-overlapping. */
  matchText(text: string): TextMatch[];
}

export interface KbStats {
  readonly entities: number;
  readonly byType: Readonly<Record<EntityType, number>>;
  readonly weapons: number;
  readonly companies: number;
  readonly offices: number;
  readonly aliases: number;
  readonly userEntities: number;
}

export interface KnowledgeBase {
  readonly version: string;
  get(id: string): KbEntity | undefined;
  /** Entities whose name or alias equals `text` after normalisation (case, dots, dashes, "the"). */
  findByAlias(text: string): KbEntity[];
  all(): readonly KbEntity[];
  office(id: string): KbOffice | undefined;
  offices(): readonly KbOffice[];
  /** Offices whose title phrase equals `text` after normalisation. */
  findOfficesByTitle(text: string): KbOffice[];
  /** The person holding `officeId` on `isoDate` (yyyy-mm-dd or a full ISO timestamp). */
  officeHolder(officeId: string, isoDate: string): KbEntity | undefined;
  /** Offices a person held, with terms (for "holds_office" relations). */
  officesOf(personId: string): { office: KbOffice; term: OfficeTerm }[];
  /** Normalised alias -> the entity types it may denote (NER gazetteer features). */
  gazetteer(): ReadonlyMap<string, ReadonlySet<EntityType>>;
  /** Longest-match phrase matcher over all names and aliases (built once, then cached). */
  matcher(): PhraseMatcher;
  stats(): KbStats;
}
