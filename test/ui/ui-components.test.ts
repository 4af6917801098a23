import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayDate, plural, roundNumber, safeHref } from '../../src/core/display-format.js';
import { toGexf } from '../../src/services/gexf.js';
import { csvHeader, csvRow } from '../../src/services/search-view.js';
import { SourceNames } from '../../src/services/source-names.js';
import { FigureTable, QuoteList, RelationList } from '../../src/server/ui/components/facts.js';
import { HitList } from '../../src/server/ui/components/hits.js';
import { Layout } from '../../src/server/ui/components/layout.js';
import { MarkedText, nestMarks } from '../../src/server/ui/components/marked-text.js';
import { ArticlePage } from '../../src/server/ui/pages/article-page.js';

/** Components render to HTML strings without a browser; every value from news text comes out escaped. */
const html = async (node: unknown): Promise<string> =>
  String(await (node as { toString(): string | Promise<string> }).toString());

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
const names = new SourceNames([]);

const assertInert = (out: string): void => {
  assert.doesNotMatch(out, /<script>alert|<img src=x/, 'markup from data is escaped');
  assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
};

test('search hits escape titles, snippets and sources', async () => {
  const out = await html(
    HitList({
      hits: [
        {
          id: 'a"b',
          title: HOSTILE,
          source: HOSTILE,
          snippet: `before [${HOSTILE}] after`,
          score: 1,
        },
      ],
      names,
    }),
  );
  assertInert(out);
  assert.match(out, /href="\/articles\/a%22b"/);
});

test('article text: marks nest, text is escaped, entity links are encoded', async () => {
  const text = `Intro ${HOSTILE} HIMARS fired.`;
  const at = text.indexOf('HIMARS');
  const out = await html(
    MarkedText({
      text,
      marks: [
        {
          kind: 'entity',
          start: at,
          end: at + 6,
          type: 'WEAPON',
          name: HOSTILE,
          entityId: 'x"><script>',
        },
      ],
    }),
  );
  assertInert(out);
  assert.match(
    out,
    /<a class="entity-link" href="\/entities\/x%22%3E%3Cscript%3E"><mark class="hl-entity" data-type="WEAPON"/,
  );
  assert.deepEqual(
    nestMarks([
      { kind: 'quote', start: 0, end: 10 },
      { kind: 'entity', start: 2, end: 4 },
      { kind: 'entity', start: 8, end: 12 },
    ]).map((n) => [n.mark.kind, n.children.length]),
    [['quote', 1]],
    'a mark straddling the quote edge is dropped',
  );
});

test('facts lists escape quotes, speakers, relations and figures; fractions are rounded', async () => {
  const quote = {
    text: HOSTILE,
    start: 0,
    end: 5,
    kind: 'direct',
    speaker: HOSTILE,
    speakerId: 'p:1',
    anonymous: false,
  };
  assertInert(await html(QuoteList({ quotes: [quote] })));
  const relation = {
    subjectId: 's',
    subjectName: HOSTILE,
    predicate: HOSTILE,
    objectId: 'o',
    objectName: 'O',
    negated: false,
    start: 0,
    end: 1,
  };
  assertInert(await html(RelationList({ relations: [relation] })));
  const figure = {
    text: HOSTILE,
    start: 0,
    end: 5,
    kind: 'multiplier',
    value: 1 / 3,
    unit: 'fraction',
  };
  const out = await html(FigureTable({ figures: [figure] }));
  assertInert(out);
  assert.match(out, />0\.33</);
  assert.doesNotMatch(out, /0\.3333/);
});

test('a javascript: URL is shown as text, never as a link', async () => {
  const article = {
    id: 'a1',
    title: HOSTILE,
    text: `Body ${HOSTILE}`,
    url: 'javascript:alert(1)',
    source: HOSTILE,
    authors: [HOSTILE],
    format: 'jsonl',
    provenance: { path: HOSTILE, url: 'JaVaScRiPt:alert(2)' },
    contentHash: 'h',
    revision: 1,
    ingestedAt: '2025-03-20T10:00:00.000Z',
    updatedAt: '2025-03-20T10:00:00.000Z',
  };
  const out = await html(
    ArticlePage({
      view: {
        article,
        revisions: [],
        enrichment: undefined,
        syndication: undefined,
        story: undefined,
      } as never,
      query: undefined,
      q: undefined,
      at: undefined,
      names,
    }),
  );
  assertInert(out);
  assert.doesNotMatch(out, /href="javascript:/i);
  assert.match(out, /<span class="unsafe-url">javascript:alert\(1\)<\/span>/);
});

test('the page frame loads same-origin files only and holds no inline script or style', async () => {
  const out = await html(
    Layout({ title: HOSTILE, path: '/', q: HOSTILE, bundles: ['graph'], children: 'x' }),
  );
  assertInert(out);
  // Attribute values are escaped text: blank them so only real attribute names are checked.
  const tags = out.replace(/"[^"]*"/g, '""');
  assert.doesNotMatch(tags, /<script>|<script [^>]*>[^<]|<[^>]*\s(on[a-z]+|style)=|https?:\/\//);
  assert.match(out, /<script src="\/ui\/app.js" defer="">/);
});

test('presentation: plural-aware counts, rounded numbers, stable dates, safe links', () => {
  assert.equal(plural(1, 'article', 'articles'), '1 article');
  assert.equal(plural(1204, 'article', 'articles'), '1,204 articles');
  assert.equal(roundNumber(0.3333333333333333), '0.33');
  assert.equal(roundNumber(150e9), '150,000,000,000');
  assert.equal(displayDate('2025-11-21T13:40:00.000Z'), '2025-11-21 13:40 UTC');
  assert.equal(displayDate('2025-11-21'), '2025-11-21');
  assert.equal(safeHref(' javascript:alert(1)'), undefined);
  assert.equal(safeHref('https://example.com/a'), 'https://example.com/a');
});

test('one display name per outlet: a bare host takes its feed name, the host stays a detail', () => {
  const feeds = new SourceNames([
    {
      xmlUrl: 'https://northernflank.example.com/feed.xml',
      title: 'Northern Flank Monitor',
      provenance: { path: 'feeds.opml' },
    },
  ]);
  assert.deepEqual(feeds.of('northernflank.example.com'), {
    name: 'Northern Flank Monitor',
    host: 'northernflank.example.com',
  });
  assert.deepEqual(feeds.of('Northern Flank Monitor', 'https://www.northernflank.example.com/a'), {
    name: 'Northern Flank Monitor',
    host: 'northernflank.example.com',
  });
  assert.deepEqual(feeds.of(undefined), { name: 'unknown source' });
});

test('CSV export quotes cells and defuses formulas; GEXF escapes names', () => {
  assert.equal(csvHeader(), 'id,title,source,published,score,copies,snippet\r\n');
  const row = csvRow({
    id: '1',
    title: '=HYPERLINK("x")',
    source: 'a,b',
    snippet: 'line\nbreak',
    score: 2,
  });
  assert.equal(row, `1,"'=HYPERLINK(""x"")","a,b",,2,,"line\nbreak"\r\n`);
  const gexf = toGexf(
    {
      nodes: [
        { id: 'a', name: HOSTILE, type: 'ORG', degree: 1 },
        { id: 'b', name: 'B', type: 'GPE', degree: 1 },
      ],
      edges: [
        {
          id: 'e1',
          source: 'a',
          target: 'b',
          predicate: 'supplies',
          negated: false,
          count: 2,
          evidence: [],
        },
      ],
      relationsRead: 2,
      predicates: ['supplies'],
      types: ['GPE', 'ORG'],
    },
    '2025-01-01T00:00:00Z',
  );
  assert.doesNotMatch(gexf, /<script>/);
  assert.match(
    gexf,
    /label="&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;&quot;&apos;&amp;"/,
  );
  assert.match(gexf, /<edge id="e1" source="a" target="b" label="supplies" weight="2">/);
});
