/**
 * Client code for the overview page (archive counts and recent articles). Inlined into
 * client-script.ts's closure, so it uses its helpers (el, api, render, searchHref, quoteValue,
 * formatDate).
 */
export const CLIENT_HOME_PAGE = String.raw`
  function countList(title, counts, field) {
    var entries = Object.keys(counts || {}).map(function (k) { return [k, counts[k]]; });
    entries.sort(function (a, b) { return b[1] - a[1]; });
    if (entries.length === 0) return null;
    return el('section', { class: 'counts' },
      el('h2', { text: title }),
      el('ul', {}, entries.map(function (e) {
        var label = [el('span', { class: 'facet-name', text: e[0] }), el('span', { class: 'count', text: String(e[1]) })];
        // The store counts articles without the field under "unknown", which no filter can select.
        var linked = field && e[0] !== 'unknown';
        return el('li', {}, linked ? el('a', { href: searchHref(field + ':' + quoteValue(e[0])) }, label) : el('span', {}, label));
      })),
    );
  }

  function homePage() {
    return Promise.all([api('/api/stats'), api('/api/articles?limit=10')]).then(function (both) {
      var stats = both[0], recent = both[1];
      render('Overview',
        el('h1', { text: 'Archive overview' }),
        el('p', { class: 'summary', text: stats.articles + ' articles, ' + stats.revisions + ' revisions' +
          (stats.firstPublished ? ', published ' + formatDate(stats.firstPublished) + ' to ' + formatDate(stats.lastPublished) : '') }),
        el('div', { class: 'stats-grid' },
          countList('Sources', stats.bySource, 'source'),
          countList('Languages', stats.byLanguage, 'lang'),
          countList('Formats', stats.byFormat, null),
        ),
        el('section', { class: 'recent' },
          el('h2', { text: 'Recently ingested' }),
          el('ol', { class: 'hits' }, recent.items.map(function (a) {
            return el('li', { class: 'hit' },
              el('a', { href: '/articles/' + encodeURIComponent(a.id), class: 'hit-link', text: a.title || '(untitled)' }),
              el('p', { class: 'meta', text: [a.source, formatDate(a.published)].filter(Boolean).join(' · ') }),
            );
          })),
        ),
      );
    });
  }
`;
