import uPlot from 'uplot';

/**
 * The search page's month chart as a uPlot bar chart with a brush: dragging across it fills the
 * date-range form (after:/before: in the query) and submits it. The server-rendered SVG bars stay
 * in the page for readers without JavaScript and are replaced only once the chart is drawn.
 */
const monthStart = (month: string): number =>
  Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) / 1000;
const monthOf = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 7);
const addMonth = (month: string): string => monthOf(monthStart(month) + 32 * 86400);

export const installSearchBrush = (): void => {
  const svg = document.getElementById('search-months');
  const form = document.getElementById('range-form') as HTMLFormElement | null;
  if (!svg || !form) return;
  const bars = [...svg.querySelectorAll<SVGRectElement>('rect.bar')];
  const months = bars
    .map((b) => b.getAttribute('data-label') ?? '')
    .filter((m) => /^\d{4}-\d{2}$/.test(m));
  if (months.length < 2) return;
  const counts = bars.map((b) => Number(b.getAttribute('data-value') ?? 0));
  const host = document.createElement('div');
  host.className = 'brush-chart';
  host.setAttribute('role', 'img');
  host.setAttribute(
    'aria-label',
    `Hits by month (drag to choose a range): ${months.map((m, i) => `${m} ${counts[i]}`).join(', ')}`,
  );
  const styles = getComputedStyle(document.documentElement);
  const accent = styles.getPropertyValue('--accent').trim() || '#1f5fbf';
  const muted = styles.getPropertyValue('--muted').trim() || '#555';
  const width = Math.max(280, (svg.parentElement?.clientWidth ?? 600) - 8);
  const options: uPlot.Options = {
    width,
    height: 140,
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
    select: { show: true, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: { time: true } },
    axes: [
      { stroke: muted, grid: { show: false }, ticks: { stroke: muted } },
      {
        stroke: muted,
        grid: { stroke: 'rgba(128,128,128,0.2)' },
        ticks: { show: false },
        size: 40,
      },
    ],
    series: [
      {},
      {
        label: 'Hits',
        fill: accent,
        stroke: accent,
        paths: uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 40] }) : undefined,
        points: { show: false },
      },
    ],
    hooks: {
      setSelect: [
        (u) => {
          if (u.select.width < 4) return;
          const from = monthOf(u.posToVal(u.select.left, 'x'));
          const to = monthOf(u.posToVal(u.select.left + u.select.width, 'x'));
          const after = form.querySelector<HTMLInputElement>('input[name="after"]');
          const before = form.querySelector<HTMLInputElement>('input[name="before"]');
          if (!after || !before) return;
          after.value = from;
          before.value = addMonth(to);
          form.requestSubmit();
        },
      ],
    },
  };
  svg.replaceWith(host);
  const chart = new uPlot(options, [months.map(monthStart), counts], host);
  // The chart follows its column's width (phone rotation, window resize).
  const column = host.parentElement;
  if (column && 'ResizeObserver' in window)
    new ResizeObserver(() =>
      chart.setSize({ width: Math.max(280, column.clientWidth - 8), height: 140 }),
    ).observe(column);
};
