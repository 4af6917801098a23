/** The UI's stylesheet, served as /ui/app.css (a string module so dist/ needs no copy step). */
export const CLIENT_STYLE = String.raw`:root {
  --ink: #1b1f24;
  --muted: #5b6470;
  --line: #d5dae0;
  --accent: #0b5cad;
  --mark: #ffe27a;
  --bg: #fbfbfc;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--ink);
  background: var(--bg);
}
body { margin: 0; line-height: 1.5; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f0a30a; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 10; }
.top { display: flex; gap: 1.5rem; align-items: center; padding: 0.75rem 1.5rem; border-bottom: 1px solid var(--line); background: #fff; flex-wrap: wrap; }
.brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); }
.top nav a { margin-right: 1rem; }
.search-form { display: flex; gap: 0.5rem; flex: 1; min-width: 18rem; }
.search-form input { flex: 1; padding: 0.45rem 0.6rem; font-size: 1rem; border: 1px solid var(--line); border-radius: 4px; }
.search-form button, .token-form button { padding: 0.45rem 0.9rem; font-size: 1rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
.hint { color: var(--muted); font-size: 0.85rem; }
kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 0.3rem; background: #fff; }
main { padding: 1.5rem; max-width: 72rem; margin: 0 auto; }
.search-layout { display: grid; grid-template-columns: 16rem 1fr; gap: 2rem; }
@media (max-width: 50rem) { .search-layout { grid-template-columns: 1fr; } }
.facets h2, .counts h2 { font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 1rem 0 0.4rem; }
.facets ul, .counts ul { list-style: none; margin: 0; padding: 0; }
.facet-value, .counts li > a, .counts li > span { display: flex; justify-content: space-between; gap: 0.5rem; padding: 0.15rem 0.3rem; border-radius: 3px; text-decoration: none; }
.facet-value:hover { background: #eef3f9; }
.count { color: var(--muted); font-variant-numeric: tabular-nums; }
.histogram-chart { width: 100%; height: 6rem; }
.histogram .bar { fill: var(--accent); }
.histogram a:hover .bar, .histogram a:focus .bar { fill: #f0a30a; }
.axis, .note { color: var(--muted); font-size: 0.8rem; margin: 0.2rem 0; }
.hits { list-style: none; padding: 0; margin: 0; }
.hit { padding: 0.7rem 0; border-bottom: 1px solid var(--line); }
.hit h3 { margin: 0; font-size: 1.05rem; }
.meta { color: var(--muted); font-size: 0.85rem; margin: 0.1rem 0; }
.snippet { margin: 0.2rem 0 0; }
mark { background: var(--mark); color: inherit; padding: 0 0.1rem; }
mark.hl-entity { background: #dcebfa; border-bottom: 2px solid var(--accent); }
a.entity-link { color: inherit; text-decoration: none; }
a.entity-link:hover mark, a.entity-link:focus mark { background: #b9d6f5; }
mark.hl-figure { background: #d9f2dc; border-bottom: 2px dotted #1e7b34; font-variant-numeric: tabular-nums; }
mark.hl-quote { background: #f3e8fb; font-style: italic; box-shadow: inset 3px 0 0 #8a4fbf; }
.hl-target { outline: 2px solid #f0a30a; outline-offset: 2px; background: #fff3d6; }
.legend { list-style: none; padding: 0; margin: 0.5rem 0 1rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; font-size: 0.85rem; }
.facts { max-width: 56rem; border-top: 1px solid var(--line); margin-top: 1.5rem; }
.facts h2, .timeline h2, .related h2 { font-size: 1.1rem; }
.quote-list, .relation-list { list-style: none; padding: 0; margin: 0; }
.quote { padding: 0.4rem 0; border-bottom: 1px solid var(--line); }
.quote-text { margin: 0; padding-left: 0.8rem; border-left: 3px solid #8a4fbf; font-style: italic; }
.quote-text a { color: inherit; }
.quote-meta { margin: 0.2rem 0 0; font-size: 0.9rem; }
.relation { padding: 0.2rem 0; }
.predicate { color: var(--muted); font-family: ui-monospace, monospace; }
.relation.negated .predicate, .negation-note { color: #b03a2e; font-weight: 600; }
.figure-table { border-collapse: collapse; font-size: 0.9rem; }
.figure-table th, .figure-table td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.8rem 0.25rem 0; text-align: left; vertical-align: top; }
.figure-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.timeline-chart { width: 100%; max-width: 46rem; height: 9rem; }
.timeline .bar { fill: var(--accent); }
.timeline a:hover .bar, .timeline a:focus .bar { fill: #f0a30a; }
.bar-label { font-size: 8px; fill: var(--muted); }
.entity-id { font-size: 0.85rem; overflow-wrap: anywhere; }
.entity-page h1 { overflow-wrap: anywhere; }
.entity-index { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem 2rem; }
.entity-ranking { padding-left: 1.5rem; margin: 0; }
.entity-filter { display: flex; gap: 0.5rem; align-items: center; margin-bottom: 1rem; }
.enrichment { max-width: 46rem; border-top: 1px solid var(--line); margin-top: 2rem; }
.entity-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
.results h1 { font-size: 1.5rem; overflow-wrap: anywhere; }
.warnings { background: #fff6e0; border: 1px solid #f0d48a; padding: 0.5rem 1.5rem; border-radius: 4px; }
.next { display: inline-block; margin-top: 1rem; }
.error { border-left: 4px solid #c0392b; padding-left: 1rem; }
.article { max-width: 46rem; }
.article-text p { margin: 0 0 1em; }
.meta-list { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-size: 0.9rem; }
.meta-list dt { color: var(--muted); }
.meta-list dd { margin: 0; overflow-wrap: anywhere; }
.provenance { max-width: 46rem; border-top: 1px solid var(--line); margin-top: 2rem; }
.revisions { border-collapse: collapse; font-size: 0.9rem; }
.revisions th, .revisions td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.8rem 0.3rem 0; text-align: left; }
.stats-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 2rem; }
.token-form { display: grid; gap: 0.5rem; max-width: 28rem; }
.story-badge { margin: 0.2rem 0 0; font-size: 0.9rem; }
.copies-note { margin: 0.2rem 0 0; font-size: 0.9rem; color: #555; }
.story-note { color: var(--muted); }
.story-list { list-style: none; padding: 0; margin: 0; max-width: 56rem; }
.story-item { padding: 0.6rem 0; border-bottom: 1px solid var(--line); }
.story-ref { font-size: 1.05rem; font-weight: 600; }
.story-sources { color: var(--muted); font-size: 0.85rem; margin: 0; }
.story-page { max-width: 56rem; }
.story-page h1 { overflow-wrap: anywhere; }
.story-timeline h2, .story-entities h2, .related-stories h2, .coverage h2 { font-size: 1.1rem; }
.timeline-days { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
.timeline-day { padding: 0 0 0.8rem 1rem; position: relative; }
.timeline-day::before { content: ''; position: absolute; left: -0.45rem; top: 0.45rem; width: 0.6rem; height: 0.6rem; border-radius: 50%; background: var(--accent); }
.timeline-day h3 { font-size: 0.95rem; margin: 0 0 0.3rem; }
.day-articles { list-style: none; padding: 0; margin: 0; }
.timeline-item { display: grid; grid-template-columns: 3.5rem 14rem 1fr; gap: 0.6rem; padding: 0.2rem 0; }
.timeline-item .time { color: var(--muted); font-variant-numeric: tabular-nums; }
.timeline-source { color: var(--muted); overflow-wrap: anywhere; }
.timeline-item.is-copy .timeline-link { font-style: italic; }
.copy-note { grid-column: 3; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 50rem) { .timeline-item { grid-template-columns: 3.5rem 1fr; } .timeline-item > a, .copy-note { grid-column: 1 / -1; } }
.coverage { border: 1px solid var(--line); border-radius: 4px; background: #fff; padding: 0.5rem 1rem; margin: 0.8rem 0; }
.coverage p { margin: 0.2rem 0; }
.copy-list { margin: 0.2rem 0; padding-left: 1.2rem; }
.related-stories { max-width: 56rem; border-top: 1px solid var(--line); margin-top: 1.5rem; }
`;
