import type { Child } from 'hono/jsx';
import type { GraphSection } from '../graph-sections.js';

/** Tabs as links (each section has its own URL, so views are bookmarkable and work without JS). */
export const GraphPage = ({
  sections,
  current,
  body,
}: {
  sections: readonly GraphSection[];
  current: GraphSection;
  body: Child;
}) => (
  <>
    <h1>Graph</h1>
    <nav class="tabs" aria-label="Graph views">
      {sections.map((s) => (
        <a
          href={`/graph?view=${encodeURIComponent(s.id)}`}
          aria-current={s.id === current.id ? 'page' : undefined}
        >
          {s.label}
        </a>
      ))}
    </nav>
    <section class="graph-section" aria-label={current.label}>
      {body}
    </section>
  </>
);
