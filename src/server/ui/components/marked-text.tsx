import type { Child } from 'hono/jsx';
import { roundNumber } from '../../../core/display-format.js';
import type { TextMark } from '../../article-marks.js';
import { entityHref } from '../hrefs.js';

/** A mark to draw, plus the evidence target (`?at=START-END`) the page was opened at. */
export type DrawnMark =
  TextMark | { readonly kind: 'target'; readonly start: number; readonly end: number };

interface MarkNode {
  readonly mark: DrawnMark;
  readonly start: number;
  readonly end: number;
  readonly children: MarkNode[];
}

const RANK: Record<DrawnMark['kind'], number> = {
  target: 0,
  quote: 1,
  figure: 2,
  entity: 3,
  match: 4,
};

/**
 * Marks nest: entities and figures sit inside the quote that holds them; a mark straddling another's
 * edge is dropped rather than drawn across it.
 */
export const nestMarks = (marks: readonly DrawnMark[]): MarkNode[] => {
  const sorted = [...marks].sort(
    (a, b) => a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind],
  );
  const root: MarkNode = {
    mark: { kind: 'target', start: -Infinity, end: Infinity },
    start: -Infinity,
    end: Infinity,
    children: [],
  };
  const stack: MarkNode[] = [root];
  for (const m of sorted) {
    if (!(m.end > m.start)) continue;
    while (stack.length > 1 && m.start >= (stack[stack.length - 1] as MarkNode).end) stack.pop();
    const parent = stack[stack.length - 1] as MarkNode;
    if (m.end > parent.end) continue;
    const node: MarkNode = { mark: m, start: m.start, end: m.end, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root.children;
};

const figureTitle = (m: TextMark): string =>
  `Figure (${m.type ?? 'figure'})${m.value !== undefined ? ` ${roundNumber(m.value)}${m.unit ? ` ${m.unit}` : ''}` : ''}${m.subject ? `, ${m.subject}` : ''}`;

const quoteTitle = (m: TextMark): string =>
  `Quote (${m.type ?? 'quote'})${m.name ? ` by ${m.name}${m.anonymous ? ' (unnamed source)' : ''}` : ''}`;

const markElement = (m: DrawnMark, children: Child[], inLink: boolean): Child => {
  if (m.kind === 'target')
    return (
      <span class="hl-target" id="evidence" tabindex={-1}>
        {children}
      </span>
    );
  if (m.kind === 'entity') {
    const mark = (
      <mark
        class="hl-entity"
        data-type={m.type ?? 'OTHER'}
        title={`${m.name ?? ''} (${m.type ?? 'entity'})`}
      >
        {children}
      </mark>
    );
    return inLink || !m.entityId ? (
      mark
    ) : (
      <a class="entity-link" href={entityHref(m.entityId)}>
        {mark}
      </a>
    );
  }
  if (m.kind === 'figure')
    return (
      <mark class="hl-figure" title={figureTitle(m)}>
        {children}
      </mark>
    );
  if (m.kind === 'quote')
    return (
      <mark class="hl-quote" title={quoteTitle(m)}>
        {children}
      </mark>
    );
  return <mark class="hl-match">{children}</mark>;
};

/** Text and marks for text[from, to), every mark clipped to the range (a quote may span paragraphs). */
const markedNodes = (
  text: string,
  from: number,
  to: number,
  nodes: readonly MarkNode[],
  inLink: boolean,
): Child[] => {
  const out: Child[] = [];
  let last = from;
  for (const n of nodes) {
    const s = Math.max(n.start, from, last);
    const e = Math.min(n.end, to);
    if (e <= s) continue;
    if (s > last) out.push(text.slice(last, s));
    const linked = inLink || (n.mark.kind === 'entity' && !!n.mark.entityId);
    out.push(markElement(n.mark, markedNodes(text, s, e, n.children, linked), inLink));
    last = e;
  }
  if (last < to) out.push(text.slice(last, to));
  return out;
};

/** Paragraphs with their offsets in the stored text, so marks (offsets into the whole text) land right. */
export const paragraphsOf = (text: string): { start: number; text: string }[] => {
  const out: { start: number; text: string }[] = [];
  const pattern = /\S[\s\S]*?(?=\n\s*\n|\s*$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    out.push({ start: match.index, text: match[0] });
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return out;
};

export const MarkedText = ({ text, marks }: { text: string; marks: readonly DrawnMark[] }) => {
  const tree = nestMarks(marks);
  return (
    <>
      {paragraphsOf(text).map((p) => (
        <p>{markedNodes(text, p.start, p.start + p.text.length, tree, false)}</p>
      ))}
    </>
  );
};

/** A snippet with its query matches marked (ranges into `text`). */
export const Snippet = ({
  text,
  ranges,
}: {
  text: string;
  ranges: readonly { start: number; end: number }[];
}) => {
  const out: Child[] = [];
  let last = 0;
  for (const r of ranges) {
    if (r.start < last || r.end > text.length) continue;
    if (r.start > last) out.push(text.slice(last, r.start));
    out.push(<mark class="hl-match">{text.slice(r.start, r.end)}</mark>);
    last = r.end;
  }
  if (last < text.length) out.push(text.slice(last));
  return <p class="snippet">{out}</p>;
};
