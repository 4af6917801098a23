import type { Child } from 'hono/jsx';
import { isCurrent, navEntries } from '../nav-registry.js';

export interface LayoutProps {
  readonly title: string;
  /** The request path: marks the current navigation entry. */
  readonly path: string;
  /** The search box's value. */
  readonly q?: string;
  /** Extra bundles this page needs besides app.js (e.g. 'graph'). */
  readonly bundles?: readonly string[];
  readonly children?: Child;
}

/**
 * Every page's frame. Data reaches it only as JSX text and attribute values, which hono/jsx
 * escapes; scripts and styles are same-origin files (the CSP allows nothing inline).
 */
export const Layout = ({ title, path, q, bundles, children }: LayoutProps) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <title>{title ? `${title} · sitrep` : 'sitrep'}</title>
      <link rel="stylesheet" href="/ui/style.css" />
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <script src="/ui/app.js" defer></script>
      {(bundles ?? []).map((b) => (
        <script src={`/ui/${b}.js`} defer></script>
      ))}
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/">
          sitrep
        </a>
        <nav aria-label="Main">
          {navEntries().map((entry) => (
            <a href={entry.href} aria-current={isCurrent(entry, path) ? 'page' : undefined}>
              {entry.label}
            </a>
          ))}
        </nav>
        <form class="search-form" role="search" action="/search" method="get">
          <label class="visually-hidden" for="q">
            Search the archive
          </label>
          <input
            id="q"
            name="q"
            type="search"
            value={q ?? ''}
            placeholder='Search: words, "phrases", source:, after:2025-01'
            autocomplete="off"
            aria-describedby="search-hint"
          />
          <button type="submit">Search</button>
        </form>
        <span id="search-hint" class="hint">
          Press <kbd>/</kbd> to search
        </span>
        <button type="button" class="theme-toggle" id="theme-toggle" aria-pressed="false" hidden>
          Dark theme
        </button>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
    </body>
  </html>
);
