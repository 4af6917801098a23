/**
 * Client code for the entity index, the entity page and the fact lists (quotes, relations,
 * figures) the article page shares. Inlined into client-script.ts's closure, so it uses its
 * helpers (el, svg, api, render, searchHref, quoteValue, formatDate, entityHref, evidenceHref)
 * and client-story-pages.ts's relatedStoriesSection.
 * Every string from the API reaches the page as text.
 */
export const CLIENT_ENTITY_PAGES = String.raw`
  function entityLink(id, name) {
    return id ? el('a', { href: entityHref(id), class: 'entity-ref', text: name || id }) : el('span', { text: name || '' });
  }

  function factSource(fact) {
    var label = [fact.source, formatDate(fact.published)].filter(Boolean).join(' · ');
    return el('span', { class: 'fact-source' },
      el('a', { href: evidenceHref(fact.articleId, fact.start, fact.end), class: 'evidence-link', text: fact.articleTitle || '(untitled)' }),
      label ? el('span', { class: 'meta', text: ' · ' + label }) : null,
    );
  }

  function quoteItem(q, withSource) {
    var speaker = q.speaker
      ? [q.speakerId ? entityLink(q.speakerId, q.speaker) : el('span', { text: q.speaker }), q.anonymous ? el('span', { class: 'meta', text: ' (unnamed source)' }) : null]
      : el('span', { class: 'meta', text: 'unattributed' });
    return el('li', { class: 'quote' },
      el('blockquote', { class: 'quote-text' }, el('a', { href: withSource ? evidenceHref(q.articleId, q.start, q.end) : '#at-' + q.start + '-' + q.end, class: 'quote-link', text: q.text })),
      el('p', { class: 'quote-meta' }, '— ', speaker, el('span', { class: 'meta', text: ' · ' + q.kind }), withSource ? el('br') : null, withSource ? factSource(q) : null),
    );
  }

  function relationItem(r, withSource) {
    return el('li', { class: 'relation' + (r.negated ? ' negated' : '') },
      entityLink(r.subjectId, r.subjectName),
      el('span', { class: 'predicate', text: (r.negated ? ' -NOT ' : ' -') + r.predicate + '-> ' }),
      entityLink(r.objectId, r.objectName),
      r.negated ? el('span', { class: 'negation-note', text: ' (negated)' }) : null,
      ' ',
      withSource ? [el('span', { class: 'meta', text: '· in ' }), factSource(r)] : el('a', { href: '#at-' + r.start + '-' + r.end, class: 'evidence-link', text: '(evidence)' }),
    );
  }

  function figureRow(f, withSource) {
    return el('tr', {},
      el('td', {}, el('a', { href: withSource ? evidenceHref(f.articleId, f.start, f.end) : '#at-' + f.start + '-' + f.end, class: 'figure-text', text: f.text })),
      el('td', { text: f.kind }),
      el('td', { class: 'num', text: typeof f.value === 'number' ? f.value.toLocaleString('en') : String(f.value) }),
      el('td', { text: f.unit }),
      el('td', { text: f.subject || '' }),
      withSource ? el('td', {}, factSource(f)) : null,
    );
  }

  function factSection(cls, title, items, build) {
    if (!items || items.length === 0) return null;
    return el('section', { class: 'facts ' + cls, 'aria-label': title }, el('h2', { text: title }), build(items));
  }

  function quotesSection(cls, title, quotes, withSource) {
    return factSection(cls, title, quotes, function (items) {
      return el('ul', { class: 'quote-list' }, items.map(function (q) { return quoteItem(q, withSource); }));
    });
  }

  function relationsSection(relations, withSource) {
    return factSection('relations', 'Relations', relations, function (items) {
      return el('ul', { class: 'relation-list' }, items.map(function (r) { return relationItem(r, withSource); }));
    });
  }

  function figuresSection(figures, withSource) {
    return factSection('figures', 'Figures', figures, function (items) {
      return el('table', { class: 'figure-table' },
        el('thead', {}, el('tr', {},
          ['Figure', 'Kind', 'Value', 'Unit', 'Of'].concat(withSource ? ['Article'] : []).map(function (h) { return el('th', { scope: 'col', text: h }); }),
        )),
        el('tbody', {}, items.map(function (f) { return figureRow(f, withSource); })),
      );
    });
  }

  // Articles per month as SVG bars; each bar links to that month's articles and says its count.
  function timelineChart(timeline, entityQuery, name) {
    if (!timeline || timeline.length === 0) return el('p', { class: 'empty', text: 'No dated mention.' });
    var max = Math.max.apply(null, timeline.map(function (t) { return t.articles; }));
    var width = 22, gap = 6, height = 100, labelRoom = 16;
    var chart = svg('svg', {
      viewBox: '0 0 ' + Math.max(timeline.length * (width + gap), 280) + ' ' + (height + labelRoom),
      preserveAspectRatio: 'xMinYMax meet',
      class: 'timeline-chart', role: 'img',
      'aria-label': 'Articles mentioning ' + name + ' by month: ' + timeline.map(function (t) { return t.month + ' ' + t.articles; }).join(', '),
    });
    timeline.forEach(function (t, i) {
      var h = Math.max(2, Math.round((t.articles / max) * height));
      var x = i * (width + gap);
      var link = svg('a', { href: searchHref(entityQuery + ' after:' + t.month + ' before:' + nextMonth(t.month)), class: 'bar-link' });
      var bar = svg('rect', { x: x, y: height - h, width: width, height: h, class: 'bar', 'data-month': t.month, 'data-count': t.articles });
      var tip = svg('title', {});
      tip.textContent = t.month + ': ' + t.articles + (t.articles === 1 ? ' article' : ' articles');
      bar.append(tip);
      link.append(bar);
      chart.append(link);
      var label = svg('text', { x: x + width / 2, y: height + 12, class: 'bar-label', 'text-anchor': 'middle' });
      label.textContent = t.month.slice(2);
      chart.append(label);
    });
    return chart;
  }

  function entityPage(id) {
    return api('/api/entities/' + encodeURIComponent(id) + '?limit=20').then(function (body) {
      var e = body.entity;
      var entityQuery = body.links.search_query;
      return api('/api/search?limit=10&sort=newest&q=' + encodeURIComponent(entityQuery)).then(function (related) {
        render(e.name,
          el('article', { class: 'entity-page' },
            el('h1', { id: 'entity-name', text: e.name }),
            definitionList([
              ['Type', e.type],
              [e.id.indexOf('local:') === 0 ? 'Local id' : 'KB id', el('code', { class: 'entity-id', text: e.id })],
              ['Articles', String(e.articles)],
              ['Mentions', String(e.mentions)],
              ['First seen', formatDate(e.firstSeen)],
              ['Last seen', formatDate(e.lastSeen)],
            ]),
            el('section', { class: 'timeline', 'aria-label': 'Mentions over time' },
              el('h2', { text: 'Mentions over time' }),
              timelineChart(body.timeline, entityQuery, e.name),
              el('p', { class: 'note', text: 'Articles per month, by publication date. Each bar opens that month’s articles.' }),
            ),
            factSection('cooccurring', 'Mentioned with', body.cooccurring, function (items) {
              return el('ul', { class: 'entity-list' }, items.map(function (c) {
                return el('li', {}, entityLink(c.id, c.name), el('span', { class: 'count', text: ' ' + c.type + ' · ' + c.together }));
              }));
            }),
            quotesSection('quotes-by', 'Quotes by ' + e.name, body.quotes_by, true),
            quotesSection('quotes-about', 'Quotes about ' + e.name, body.quotes_about, true),
            relationsSection(body.relations, true),
            figuresSection(body.figures, true),
            relatedStoriesSection(body.related_stories),
            el('section', { class: 'related', 'aria-label': 'Related articles' },
              el('h2', { text: 'Related articles' }),
              related.hits.length === 0
                ? el('p', { class: 'empty', text: 'No article found.' })
                : el('ol', { class: 'hits' }, related.hits.map(function (hit) { return hitItem(hit, ''); })),
              el('p', {}, el('a', { href: searchHref(entityQuery), class: 'all-articles', text: 'All ' + related.total + ' articles mentioning ' + e.name + ' →' })),
            ),
          ),
        );
      });
    });
  }

  function entitiesPage(params) {
    var type = params.get('type') || '';
    var prefix = params.get('prefix') || '';
    var path = '/api/entities?limit=100' + (type ? '&type=' + encodeURIComponent(type) : '') + (prefix ? '&prefix=' + encodeURIComponent(prefix) : '');
    return api(path).then(function (body) {
      var byType = {};
      body.items.forEach(function (e) { (byType[e.type] = byType[e.type] || []).push(e); });
      var types = Object.keys(byType).sort(function (a, b) { return byType[b].length - byType[a].length || (a < b ? -1 : 1); });
      var box = el('input', { id: 'entity-prefix', name: 'prefix', type: 'search', value: prefix, autocomplete: 'off' });
      render('Entities',
        el('h1', { text: type ? 'Entities of type ' + type : 'Entities' }),
        el('form', { class: 'entity-filter', action: '/entities', method: 'get', role: 'search' },
          el('label', { for: 'entity-prefix', text: 'Name starts with' }), box,
          type ? el('input', { type: 'hidden', name: 'type', value: type }) : null,
          el('button', { type: 'submit', text: 'Filter' }),
        ),
        body.items.length === 0 ? el('p', { class: 'empty', text: 'No entity yet: ingest and enrich articles first.' }) : null,
        el('div', { class: 'entity-index' }, types.map(function (t) {
          return el('section', { class: 'entity-group', 'aria-label': t },
            el('h2', {}, el('a', { href: '/entities?type=' + encodeURIComponent(t), text: t })),
            el('ol', { class: 'entity-ranking' }, byType[t].slice(0, type ? 100 : 12).map(function (e) {
              return el('li', {}, entityLink(e.id, e.name), el('span', { class: 'count', text: ' ' + e.articles }));
            })),
          );
        })),
      );
    });
  }
`;
