import { NUMBER_SOURCE } from './parse-number.js';

/** Regex pieces every figure pattern shares. */
export const NUM = NUMBER_SOURCE;
export const QUALIFIER_WORDS =
  'at least|at most|no more than|no fewer than|more than|less than|fewer than|up to|about|around|nearly|almost|some|just over|just under|over|under|roughly|approximately|as many as|as much as|an estimated|upwards of|in excess of|close to';
export const QUALIFIER = String.raw`(?:(${QUALIFIER_WORDS})\s+)?`;
/** Not inside a word or a number: `\b` fails before "€" and "$". */
export const START = String.raw`(?<![\p{L}\p{N}.,-])`;
/** "$800M", "€1.5bn": a scale glued to the digits. */
export const GLUED_SCALE = String.raw`(?:bn|mn|tn|m|b|k)\b`;

export const YEAR = /^(?:1[89]|20)\d\d$/;

/** The first number written in a figure's text (non-global: no state between calls). */
export const NUMBER_PART = new RegExp(NUM, 'iu');
