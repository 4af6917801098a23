/**
 * Gold for supply/dependency edges and claimed figures, written by hand in a line format that reviews
 * well (eval/gold/facts-<set>.txt) and turned into the JSON ../shared/tools/score-*.mjs read:
 *   @ <article id>
 *   E recipient | supplier | system | status | neg | evidence [| opt]     (neg: "neg" or empty)
 *     a supplier written "Company (Country)" matches either the company or the country (the scorer's
 *     `supplier_country`), since a text may name the maker while the extractor names the state
 *   C value | unit | subject | evidence
 * Every evidence string must occur in the article text, checked here.
 */
import { EDGE_STATUSES } from '../../src/core/supply-edge.js';
import type { GoldArticle } from './facts-articles.js';

export interface GoldEdge {
  recipient: string;
  supplier: string;
  supplier_country?: string;
  system: string;
  status: string;
  negated: boolean;
  evidence: string;
  optional: boolean;
}
export interface GoldClaim {
  subject: string;
  value: number;
  unit: string;
  evidence: string;
}
export type GoldFile = Record<string, { edges: GoldEdge[]; claims: GoldClaim[] }>;

const STATUSES = new Set<string>(EDGE_STATUSES);

export const parseGold = (source: string, name: string): GoldFile => {
  const gold: GoldFile = {};
  let current: { edges: GoldEdge[]; claims: GoldClaim[] } | undefined;
  source.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const where = `${name}:${index + 1}`;
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('@')) {
      const id = line.slice(1).trim();
      if (gold[id]) throw new Error(`${where}: article ${id} twice`);
      current = gold[id] = { edges: [], claims: [] };
      return;
    }
    if (!current) throw new Error(`${where}: line before any "@ id"`);
    const fields = line
      .slice(1)
      .split('|')
      .map((f) => f.trim());
    if (line.startsWith('E ')) {
      const [
        recipient = '',
        supplier = '',
        system = '',
        status = '',
        neg = '',
        evidence = '',
        opt,
      ] = fields;
      if (!STATUSES.has(status)) throw new Error(`${where}: unknown status "${status}"`);
      const maker = /^(.+?)\s*\(([^()]+)\)$/.exec(supplier);
      current.edges.push({
        recipient,
        supplier: maker ? (maker[1] ?? supplier) : supplier,
        ...(maker?.[2] !== undefined ? { supplier_country: maker[2] } : {}),
        system,
        status,
        negated: neg === 'neg',
        evidence,
        optional: opt === 'opt',
      });
    } else if (line.startsWith('C ')) {
      const [value = '', unit = '', subject = '', evidence = ''] = fields;
      const v = Number(value);
      if (!Number.isFinite(v)) throw new Error(`${where}: value "${value}" is not a number`);
      current.claims.push({ value: v, unit, subject, evidence });
    } else throw new Error(`${where}: a line starts with @, E or C`);
  });
  return gold;
};

/** Evidence strings that do not occur in their article (the gold was typed by hand). */
export const missingEvidence = (
  gold: GoldFile,
  articles: ReadonlyMap<string, GoldArticle>,
): string[] =>
  Object.entries(gold).flatMap(([id, g]) => {
    const text = articles.get(id)?.text ?? '';
    return [...g.edges, ...g.claims]
      .filter((x) => !text.includes(x.evidence))
      .map((x) => `${id}: "${x.evidence}"`);
  });
