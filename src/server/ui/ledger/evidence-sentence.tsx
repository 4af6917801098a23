import { evidenceHref } from '../hrefs.js';

/**
 * A sentence with the figure (or the edge's words) marked; the offsets are the figure's place in
 * the sentence. Out-of-range offsets show the sentence unmarked rather than a wrong mark.
 */
export const EvidenceSentence = ({
  sentence,
  start,
  end,
}: {
  sentence: string;
  start: number;
  end: number;
}) =>
  start >= 0 && end > start && end <= sentence.length ? (
    <>
      {sentence.slice(0, start)}
      <mark>{sentence.slice(start, end)}</mark>
      {sentence.slice(end)}
    </>
  ) : (
    <>{sentence}</>
  );

/** "open in article" link to the evidence's characters. */
export const EvidenceLink = ({
  articleId,
  start,
  end,
  label = 'open in article',
}: {
  articleId: string;
  start: number;
  end: number;
  label?: string;
}) => <a href={evidenceHref(articleId, start, end)}>{label}</a>;
