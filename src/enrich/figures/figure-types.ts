export type FigureKind = 'money' | 'count' | 'distance' | 'percent' | 'multiplier';

export interface Amount {
  readonly value: number;
  /** ISO 4217 for money, "km"/"mi"/"m" for distances, the unit noun for counts. */
  readonly unit: string;
  readonly text: string;
}

export interface Figure {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: FigureKind;
  /** The first amount as written (150e9 for "150-billion-euro ($162.5 billion)"). */
  readonly value: number;
  readonly unit: string;
  readonly normalized: {
    /** Every amount stated, in order: paired values ("€150bn ($162.5bn)") keep both. */
    readonly amounts: readonly Amount[];
    /** "at least", "up to", "more than", "around"... */
    readonly qualifier?: string;
    /** Distances in kilometres, percentages and fractions as ratios, multipliers as factors. */
    readonly km?: number;
    readonly ratio?: number;
    readonly factor?: number;
  };
  /** What the figure measures ("EU defense package", "troops"), when the sentence says. */
  readonly subject?: string;
}
