import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

/**
 * franc-min's answer (`franc(value, { minLength })`), computed the same way but faster. franc
 * looks every trigram of the sample up in each of its ~60 Latin-script language models, one
 * object property lookup per trigram and language, which was an eighth of extraction time (one
 * call per page, issue #15). Here each script's models are folded once into one table: trigram
 * -> its rank in every language of the script, so a sample trigram costs one lookup. Distances
 * are the same integer sums, ties go to the same (first-listed) language, so the answer is
 * franc's; trigram-language.test.ts checks that on the benchmark pages.
 */

/** franc's cap on the sample and its penalty for a trigram a language model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptTable {
  readonly languages: readonly string[];
  /** Trigram -> rank per language (index as in `languages`), -1 where a model lacks it. */
  readonly ranks: ReadonlyMap<string, Int32Array>;
}

const tables = new Map<string, ScriptTable>();

const tableOf = (script: string, models: Readonly<Record<string, string>>): ScriptTable => {
  const cached = tables.get(script);
  if (cached) return cached;
  const languages = Object.keys(models);
  const ranks = new Map<string, Int32Array>();
  languages.forEach((language, li) => {
    const model = (models[language] ?? '').split('|');
    for (let rank = 0; rank < model.length; rank++) {
      const trigram = model[rank] ?? '';
      let row = ranks.get(trigram);
      if (!row) {
        row = new Int32Array(languages.length).fill(-1);
        ranks.set(trigram, row);
      }
      // franc keeps a trigram listed twice at its first (lowest) rank.
      if (row[li] === -1) row[li] = rank;
    }
  });
  const table = { languages, ranks };
  tables.set(script, table);
  return table;
};

/** trigram-utils' trigram counts: ASCII punctuation and digits dropped, spaces collapsed, padded. */
const trigramCounts = (value: string): Map<string, number> => {
  const cleaned =
    ' ' +
    value
      .replace(/[\u0021-\u0040]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase() +
    ' ';
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = cleaned.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
};

/** The script whose characters occur most, the first listed on a tie (franc's getTopScript). */
const topScript = (value: string): [string | undefined, number] => {
  let topCount = -1;
  let top: string | undefined;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
};

/** franc-min's ISO 639-3 code for `text`, or "und". */
export const trigramLanguage = (text: string, minLength: number): string => {
  if (!text || text.length < minLength) return 'und';
  const value = text.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (script === undefined) return 'und';
  const models = data[script];
  // A script with a single language (Greek, Hangul...): no model to compare.
  if (models === undefined) return share === 0 ? 'und' : script;
  const { languages, ranks } = tableOf(script, models);
  const distances = new Float64Array(languages.length);
  for (const [trigram, count] of trigramCounts(value)) {
    const row = ranks.get(trigram);
    // A trigram no model of the script holds costs every language the same: no change to the order.
    if (!row) continue;
    for (let li = 0; li < row.length; li++) {
      const rank = row[li] ?? -1;
      distances[li] =
        (distances[li] ?? 0) + (rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1));
    }
  }
  let best = 0;
  for (let li = 1; li < languages.length; li++) {
    if ((distances[li] ?? 0) < (distances[best] ?? 0)) best = li;
  }
  return languages[best] ?? 'und';
};
