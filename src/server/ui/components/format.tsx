import type { Child } from 'hono/jsx';
import { displayDate, roundNumber } from '../../../core/display-format.js';

/**
 * A date the browser re-renders in the reader's locale and zone (app.js reads `datetime`);
 * without JavaScript it reads "2025-11-21 13:40 UTC". The ISO value is the tooltip.
 */
export const When = ({ iso }: { iso: string | null | undefined }) =>
  iso ? (
    <time datetime={iso} title={iso} data-local="">
      {displayDate(iso)}
    </time>
  ) : null;

export const Num = ({ value }: { value: number }) => <>{roundNumber(value)}</>;

/** "2025-03-01 – 2025-03-04", or one date when both ends are the same day. */
export const DateRange = ({ from, to }: { from: string | null; to: string | null }) =>
  from && to && displayDate(from).slice(0, 10) === displayDate(to).slice(0, 10) ? (
    <When iso={from} />
  ) : (
    <>
      <When iso={from} />
      {from && to ? ' – ' : ''}
      <When iso={to} />
    </>
  );

/** Parts of a meta line joined by " · ", empty parts left out (no stray separators). */
export const MetaLine = ({
  parts,
}: {
  parts: readonly (Child | null | undefined | false | '')[];
}) => {
  const kept = parts.filter((p) => p !== null && p !== undefined && p !== false && p !== '');
  return (
    <>
      {kept.map((p, i) =>
        i === 0 ? (
          p
        ) : (
          <>
            {' · '}
            {p}
          </>
        ),
      )}
    </>
  );
};
