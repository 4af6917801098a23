export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Where the bar leads (e.g. that month's articles). */
  readonly href?: string;
}

/**
 * Bars as SVG, each a link with its value in a <title>: readable without JavaScript and by
 * screen readers (the whole chart also says its values in aria-label).
 */
export const BarChart = ({
  bars,
  label,
  id,
}: {
  bars: readonly Bar[];
  label: string;
  id?: string;
}) => {
  if (bars.length === 0) return <p class="empty">Nothing dated to chart.</p>;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const width = 22;
  const gap = 6;
  const height = 100;
  const labelRoom = 16;
  const every = Math.ceil(bars.length / 12);
  return (
    <svg
      id={id}
      class="bar-chart"
      viewBox={`0 0 ${Math.max(bars.length * (width + gap), 280)} ${height + labelRoom}`}
      preserveAspectRatio="xMinYMax meet"
      role="img"
      aria-label={`${label}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
    >
      {bars.map((b, i) => {
        const h = Math.max(2, Math.round((b.value / max) * height));
        const x = i * (width + gap);
        const rect = (
          <rect
            x={x}
            y={height - h}
            width={width}
            height={h}
            class="bar"
            data-label={b.label}
            data-value={b.value}
          >
            <title>{`${b.label}: ${b.value}`}</title>
          </rect>
        );
        return (
          <>
            {b.href ? <a href={b.href}>{rect}</a> : rect}
            {i % every === 0 ? (
              <text x={x + width / 2} y={height + 12} class="bar-label" text-anchor="middle">
                {b.label.length > 7 ? b.label.slice(2) : b.label}
              </text>
            ) : null}
          </>
        );
      })}
    </svg>
  );
};

/** A tiny inline trend line (articles per month) for lists. */
export const Sparkline = ({ values, label }: { values: readonly number[]; label: string }) => {
  if (values.length < 2) return null;
  const max = Math.max(...values, 1);
  const w = 80;
  const h = 20;
  const step = w / (values.length - 1);
  const points = values.map(
    (v, i) => `${(i * step).toFixed(1)},${(h - (v / max) * (h - 2) - 1).toFixed(1)}`,
  );
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label={label}
    >
      <polyline points={points.join(' ')} />
    </svg>
  );
};
