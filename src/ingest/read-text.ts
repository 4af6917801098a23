import type { ReaderEvent } from '../core/raw-item.js';
import { decodeBytes } from './decode-bytes.js';
import { compact, itemEvent, skippedEvent } from './reader-events.js';

/** Longer first lines are paragraphs, not headlines (seed 003 opens straight into its lead). */
const MAX_TITLE_LENGTH = 200;

/**
 * A text dump is one article. The first non-empty line is offered as a title candidate but
 * stays in the text: some dumps have no title line, others repeat it, and cleaning decides.
 */
export const readText = (path: string, bytes: Uint8Array): ReaderEvent[] => {
  const { text } = decodeBytes(bytes);
  if (text.trim() === '') return [skippedEvent({ path }, 'text: empty file')];
  const firstLine = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .find((line) => line !== '');
  const title =
    firstLine !== undefined && firstLine.length <= MAX_TITLE_LENGTH ? firstLine : undefined;
  return [
    itemEvent(
      compact({
        format: 'text' as const,
        provenance: { path },
        raw: text,
        body: { kind: 'text' as const, text },
        title,
        authors: [],
        categories: [],
      }),
    ),
  ];
};
