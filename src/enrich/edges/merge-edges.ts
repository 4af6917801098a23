import { type EdgeParty, type EdgeStatus, edgeStatusFamily } from '../../core/supply-edge.js';
import type { EdgeItem } from './edge-items.js';

/** An edge as read from one clause, before an article's repeats are merged. */
export interface EdgeDraft {
  readonly recipient: EdgeParty;
  supplier?: EdgeParty;
  system: EdgeItem;
  readonly status: EdgeStatus;
  readonly negated: boolean;
  readonly hedged: boolean;
  readonly start: number;
  readonly end: number;
  readonly reasons: string[];
  readonly value?: { readonly amount: number; readonly currency: string };
}

const GENERIC = new Set(
  'system systems air defense defence missile missiles tank tanks vehicle vehicles armored armoured rocket rockets launcher launchers artillery self-propelled long-range short-range battle main anti-aircraft anti-tank anti-ship guided jets fighter aircraft the of and mm'.split(
    ' ',
  ),
);

const words = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/[\s/]+/)
    .filter((w) => w !== '' && !GENERIC.has(w));

const norm = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The same system written twice ("Leopard 2" and "Leopard tanks", "APCs" and "M113 APCs"). */
const sameSystem = (a: EdgeItem, b: EdgeItem): boolean => {
  if (a.id !== undefined && a.id === b.id) return true;
  if (a.id !== undefined && b.id !== undefined) return false;
  // "Hellfire anti-tank missiles" (a known system) and "anti-tank missiles" (its class) in a title.
  const known = a.kind === 'weapon' ? a : b.kind === 'weapon' ? b : undefined;
  const other = known === a ? b : a;
  if (known !== undefined && other.kind === 'class' && norm(known.text).includes(norm(other.name)))
    return true;
  const x = norm(a.name);
  const y = norm(b.name);
  if (x === y || x.includes(y) || y.includes(x)) return true;
  // "air defense systems" and "air and missile defense systems": every word of one is in the other.
  const all = (n: string): string[] => norm(n).split(' ');
  const [short, long] =
    x.length <= y.length ? [all(x), new Set(all(y))] : [all(y), new Set(all(x))];
  if (short.every((w) => long.has(w))) return true;
  const wa = new Set(words(a.name));
  return words(b.name).some((w) => wa.has(w) && w.length >= 3);
};

const sameParty = (a: EdgeParty | undefined, b: EdgeParty | undefined): boolean =>
  a !== undefined && b !== undefined && (a.id !== undefined ? a.id === b.id : a.name === b.name);

/**
 * One edge per (recipient, supplier, system, status family, negation) and article: a title and its
 * lead, or a list and its summary, state the same transfer twice. A repeat that names no supplier
 * merges into one that does; the first statement keeps its evidence and status.
 */
export const mergeEdges = (drafts: readonly EdgeDraft[]): EdgeDraft[] => {
  const out: EdgeDraft[] = [];
  for (const d of drafts) {
    const twin = out.find(
      (o) =>
        sameParty(o.recipient, d.recipient) &&
        edgeStatusFamily(o.status) === edgeStatusFamily(d.status) &&
        o.negated === d.negated &&
        sameSystem(o.system, d.system) &&
        (o.supplier === undefined || d.supplier === undefined || sameParty(o.supplier, d.supplier)),
    );
    if (twin === undefined) {
      out.push({ ...d, reasons: [...d.reasons] });
      continue;
    }
    if (twin.supplier === undefined && d.supplier !== undefined) twin.supplier = d.supplier;
    if (
      twin.system.kind === 'class' &&
      d.system.kind === 'class' &&
      d.system.name.length > twin.system.name.length
    ) {
      // "air and missile defense systems" says more than "air defense systems".
      twin.system = {
        ...d.system,
        ...(d.system.quantity === undefined && twin.system.quantity !== undefined
          ? { quantity: twin.system.quantity }
          : {}),
      };
    }
    if (twin.system.kind !== 'weapon' && d.system.kind === 'weapon') {
      twin.system = {
        ...d.system,
        ...(twin.system.quantity !== undefined && d.system.quantity === undefined
          ? { quantity: twin.system.quantity }
          : {}),
      };
    }
    twin.reasons.push(`repeated at ${d.start}`);
  }
  return out;
};
