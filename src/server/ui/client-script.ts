/**
 * The browser side of the UI, served as /ui/app.js. Kept as a string module so it ships inside
 * dist/ with no copy step; it is plain ES2020 with no dependencies (analysts work offline).
 * test/server/ui-assets.test.ts checks that it parses; test/browser/ui.test.ts runs it.
 */
import { CLIENT_ENTITY_PAGES } from './client-entity-pages.js';
import { CLIENT_HOME_PAGE } from './client-home-page.js';
import { CLIENT_STORY_PAGES } from './client-story-pages.js';
import { CLIENT_TEXT_MARKS } from './client-text-marks.js';

export const CLIENT_SCRIPT = String.raw`'use strict';
(function () {
  // Every piece of article data reaches the page through textContent / text nodes (el.append of a
  // string), never parsed as markup, so stored tags are shown as text and cannot run.
  var TOKEN_KEY = 'sitrep.token';

  function el(tag, attrs) {
    var node = document.createElement(tag);
    var key;
    for (key in attrs || {}) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === undefined || child === null || child === false) continue;
      if (Array.isArray(child)) child.forEach(function (c) { if (c) node.append(c); });
      else node.append(child);
    }
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (var key in attrs || {}) node.setAttribute(key, String(attrs[key]));
    return node;
  }

  // Only http(s) links from article data become clickable; anything else (javascript:, data:) stays text.
  function safeUrl(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function ApiError(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  function api(path) {
    var headers = { Accept: 'application/json' };
    var token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(path, { headers: headers }).then(function (response) {
      return response.json().then(
        function (body) {
          if (!response.ok) {
            var error = (body && body.error) || {};
            throw new ApiError(response.status, error.code || 'HTTP_' + response.status, error.message || response.statusText);
          }
          return body;
        },
        function () {
          throw new ApiError(response.status, 'BAD_RESPONSE', 'the server sent something that is not JSON');
        },
      );
    });
  }

  var main = document.getElementById('main');

  function render(title) {
    document.title = title ? title + ' · sitrep' : 'sitrep';
    main.replaceChildren();
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) main.append(arguments[i]);
  }

  function showError(error) {
    if (error instanceof ApiError && error.status === 401) return showTokenForm(error.message);
    render(
      'Error',
      el('div', { class: 'error', role: 'alert' },
        el('h1', { text: error instanceof ApiError ? 'Error ' + error.status : 'Error' }),
        el('p', { text: error.message || String(error) }),
      ),
    );
  }

  function showTokenForm(message) {
    var input = el('input', { type: 'password', id: 'token', autocomplete: 'off', required: true });
    render(
      'Token needed',
      el('form', {
        class: 'token-form',
        onsubmit: function (event) {
          event.preventDefault();
          sessionStorage.setItem(TOKEN_KEY, input.value.trim());
          route();
        },
      },
        el('h1', { text: 'This server needs a token to read' }),
        el('p', { text: message }),
        el('label', { for: 'token', text: 'API token' }), input,
        el('button', { type: 'submit', text: 'Use token' }),
      ),
    );
    input.focus();
  }

  function searchHref(q) {
    return '/search?q=' + encodeURIComponent(q);
  }

  function formatDate(iso) {
    return iso ? String(iso).slice(0, 10) : '';
  }

  // The API sends the snippet as plain text plus match ranges, so marks never depend on guessing.
  function snippetNodes(text, highlights) {
    var nodes = [];
    var last = 0;
    (highlights || []).forEach(function (range) {
      if (range.start < last || range.end > text.length) return;
      if (range.start > last) nodes.push(document.createTextNode(text.slice(last, range.start)));
      nodes.push(el('mark', { text: text.slice(range.start, range.end) }));
      last = range.end;
    });
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
  }

  function quoteValue(value) {
    return /^[\p{L}\p{N}_.-]+$/u.test(value) ? value : '"' + value.replace(/"/g, '') + '"';
  }

  // Facet name in /api/search -> [heading, query field]. A facet the API adds (entity, country...)
  // shows up here once listed; month is drawn as the histogram instead.
  var FACETS = {
    source: ['Source', 'source'],
    language: ['Language', 'lang'],
    entity: ['Entity', 'entity'],
    entityType: ['Entity type', 'type'],
    country: ['Country', 'country'],
  };

  function facetList(name, label, values, q) {
    if (!values || values.length === 0) return null;
    var field = FACETS[name][1];
    return el('section', { class: 'facet', 'aria-label': label },
      el('h2', { text: label }),
      el('ul', {}, values.map(function (v) {
        var next = (q ? q + ' ' : '') + field + ':' + quoteValue(v.value);
        return el('li', {},
          el('a', { href: searchHref(next), class: 'facet-value', 'data-facet': name, 'data-value': v.value },
            el('span', { class: 'facet-name', text: v.value }),
            el('span', { class: 'count', text: String(v.count) }),
          ),
        );
      })),
    );
  }

  function nextMonth(month) {
    var parts = month.split('-').map(Number);
    var y = parts[0], m = parts[1] + 1;
    if (m > 12) { m = 1; y++; }
    return y + '-' + (m < 10 ? '0' : '') + m;
  }

  function histogram(months, q) {
    if (!months || months.length === 0) return null;
    var max = Math.max.apply(null, months.map(function (m) { return m.count; }));
    var width = 18, gap = 4, height = 80;
    // A minimum width keeps a single month from stretching into one wide slab.
    var chart = svg('svg', {
      viewBox: '0 0 ' + Math.max(months.length * (width + gap), 240) + ' ' + (height + 2),
      preserveAspectRatio: 'xMinYMax meet',
      class: 'histogram-chart', role: 'img',
      'aria-label': 'hits by month',
    });
    months.forEach(function (m, i) {
      var h = Math.max(2, Math.round((m.count / max) * height));
      var link = svg('a', { href: searchHref((q ? q + ' ' : '') + 'after:' + m.value + ' before:' + nextMonth(m.value)) });
      var bar = svg('rect', { x: i * (width + gap), y: height - h, width: width, height: h, class: 'bar' });
      var tip = svg('title', {});
      tip.textContent = m.value + ': ' + m.count;
      bar.append(tip);
      link.append(bar);
      chart.append(link);
    });
    var first = months[0].value, last = months[months.length - 1].value;
    return el('section', { class: 'histogram', 'aria-label': 'Hits by month' },
      el('h2', { text: 'By month' }),
      chart,
      el('p', { class: 'axis', text: first === last ? first : first + ' – ' + last }),
    );
  }

  function hitItem(hit, q) {
    var meta = [hit.source, formatDate(hit.published), hit.language].filter(Boolean).join(' · ');
    return el('li', { class: 'hit' },
      el('h3', {}, el('a', { href: '/articles/' + encodeURIComponent(hit.id) + (q ? '?q=' + encodeURIComponent(q) : ''), class: 'hit-link', text: hit.title || '(untitled)' })),
      el('p', { class: 'meta', text: meta }),
      el('p', { class: 'snippet' }, snippetNodes(hit.snippet_text || '', hit.highlights)),
      hit.copies ? el('p', { class: 'copies-note', text: '+' + plural(hit.copies, 'syndicated copy', 'syndicated copies') + ' (listed on the article page)' }) : null,
      storyBadge(hit.story),
    );
  }

  function searchPage(params) {
    var q = params.get('q') || '';
    var cursor = params.get('cursor');
    var input = document.getElementById('q');
    if (input) input.value = q;
    var path = '/api/search?limit=20&q=' + encodeURIComponent(q) + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    return api(path).then(function (result) {
      var facets = result.facets || {};
      var sidebar = el('aside', { class: 'facets', 'aria-label': 'Facets' },
        Object.keys(FACETS).map(function (name) { return facetList(name, FACETS[name][0], facets[name], q); }),
        histogram(facets.month, q),
      );
      var results = el('section', { class: 'results', 'aria-label': 'Results' },
        el('h1', { text: q ? 'Results for ' + q : 'All articles' }),
        el('p', { class: 'summary', text: result.total + (result.total === 1 ? ' article: ' : ' articles: ') + result.description }),
        result.hits.length === 0
          ? el('p', { class: 'empty', text: 'No article matches.' })
          : el('ol', { class: 'hits' }, result.hits.map(function (hit) { return hitItem(hit, q); })),
        result.next_cursor
          ? el('a', { class: 'next', href: '/search?q=' + encodeURIComponent(q) + '&cursor=' + encodeURIComponent(result.next_cursor), text: 'Next page →' })
          : null,
      );
      render(q ? q : 'Search', el('div', { class: 'search-layout' }, sidebar, results));
    }, function (error) {
      if (error instanceof ApiError && error.code === 'QUERY_SYNTAX') {
        render('Query error', el('div', { class: 'error', role: 'alert' },
          el('h1', { text: 'The query could not be read' }),
          el('p', { text: error.message }),
        ));
        return;
      }
      throw error;
    });
  }

  function definitionList(rows) {
    return el('dl', { class: 'meta-list' }, rows.filter(function (r) { return r[1]; }).map(function (r) {
      return [el('dt', { text: r[0] }), el('dd', {}, r[1])];
    }).flat());
  }

  function linkOrText(url) {
    var safe = url ? safeUrl(url) : null;
    if (!url) return null;
    return safe ? el('a', { href: safe, rel: 'noopener noreferrer nofollow', text: url }) : document.createTextNode(url);
  }

  function provenanceText(p) {
    if (!p) return '';
    var parts = [p.path];
    if (p.recordIndex !== undefined) parts.push('record ' + p.recordIndex);
    if (p.byteOffset !== undefined) parts.push('byte ' + p.byteOffset);
    return parts.join(', ');
  }

  // Shown only when enrichment has stored something for this article.
  function enrichmentSection(body) {
    var entities = body.entities || [];
    var countries = body.countries || [];
    if (entities.length === 0 && countries.length === 0) return null;
    return el('section', { class: 'enrichment', 'aria-label': 'Entities and countries' },
      entities.length ? el('h2', { text: 'Entities' }) : null,
      entities.length ? el('ul', { class: 'entity-list' }, entities.map(function (e) {
        return el('li', {},
          el('a', { href: entityHref(e.id) }, e.name),
          el('span', { class: 'count', text: ' ' + e.type + ' · ' + e.mentions }),
        );
      })) : null,
      countries.length ? el('h2', { text: 'Countries' }) : null,
      countries.length ? el('ul', { class: 'entity-list' }, countries.map(function (c) {
        return el('li', {}, el('a', { href: searchHref('country:' + quoteValue(c.code)) }, c.name + ' (' + c.code + ')'));
      })) : null,
    );
  }

  function articlePage(id, q) {
    var query = q ? '?q=' + encodeURIComponent(q) : '';
    return api('/api/articles/' + encodeURIComponent(id) + query).then(function (body) {
      var a = body.article;
      var text = String(a.text || '');
      var target = evidenceTarget();
      var marks = (body.highlights || []).concat(target ? [target] : []);
      var tree = nestMarks(marks);
      var paragraphs = paragraphsOf(text);
      render(a.title || '(untitled)',
        el('article', { class: 'article' },
          el('h1', { id: 'article-title', text: a.title || '(untitled)' }),
          definitionList([
            ['Source', a.source],
            ['Published', a.published],
            ['Language', a.language],
            ['Authors', (a.authors || []).join(', ')],
            ['URL', linkOrText(a.url)],
            ['Revision', String(a.revision)],
          ]),
          coverageBox(body),
          marksLegend(body.highlights || []),
          el('div', { class: 'article-text' }, paragraphs.map(function (p) { return paragraphNode(text, p, tree); })),
        ),
        enrichmentSection(body),
        quotesSection('article-quotes', 'Quotes', body.quotes, false),
        figuresSection(body.figures, false),
        relationsSection(body.relations, false),
        el('section', { class: 'provenance', 'aria-label': 'Provenance' },
          el('h2', { text: 'Provenance' }),
          definitionList([
            ['From', provenanceText(a.provenance)],
            ['Record URL', linkOrText(a.provenance && a.provenance.url)],
            ['Format', a.format],
            ['Ingested', a.ingestedAt],
            ['Content hash', a.contentHash],
          ]),
          el('p', {}, el('a', { href: body.links.raw, class: 'raw-link', text: 'Raw input (as received)' })),
          el('h2', { text: 'Revisions' }),
          el('table', { class: 'revisions' },
            el('thead', {}, el('tr', {}, el('th', { text: 'Revision' }), el('th', { text: 'Ingested' }), el('th', { text: 'From' }), el('th', { text: 'Raw' }))),
            el('tbody', {}, body.revisions.map(function (r) {
              return el('tr', {},
                el('td', { text: String(r.revision) }),
                el('td', { text: r.ingestedAt }),
                el('td', { text: provenanceText(r.provenance) }),
                el('td', {}, el('a', { href: body.links.raw + '?revision=' + r.revision, text: r.rawMediaType })),
              );
            })),
          ),
        ),
      );
      var evidence = document.getElementById('evidence');
      if (evidence) {
        evidence.scrollIntoView({ block: 'center' });
        evidence.focus({ preventScroll: true });
      }
    });
  }

${CLIENT_TEXT_MARKS}
${CLIENT_ENTITY_PAGES}
${CLIENT_STORY_PAGES}
${CLIENT_HOME_PAGE}
  function route() {
    var path = location.pathname;
    var params = new URLSearchParams(location.search);
    var work;
    var article = /^\/articles\/([^/]+)$/.exec(path);
    var entity = /^\/entities\/([^/]+)$/.exec(path);
    var story = /^\/stories\/([^/]+)$/.exec(path);
    if (path === '/') work = homePage();
    else if (path === '/search') work = searchPage(params);
    else if (path === '/entities') work = entitiesPage(params);
    else if (path === '/stories') work = storiesPage(params);
    else if (story) work = storyPage(decodeURIComponent(story[1]));
    else if (entity) work = entityPage(decodeURIComponent(entity[1]));
    else if (article) work = articlePage(decodeURIComponent(article[1]), params.get('q'));
    else work = Promise.reject(new ApiError(404, 'NOT_FOUND', 'no page at ' + path));
    work.catch(showError).then(function () {
      document.body.setAttribute('data-ready', 'true');
    });
  }

  // "/" jumps to the search box from anywhere except a text field.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || (target && target.isContentEditable)) return;
    var box = document.getElementById('q');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // Evidence links within the article page only move the marked span; other hashes (the skip link) are left alone.
  window.addEventListener('hashchange', function () {
    if (/^#at-/.test(location.hash)) route();
  });

  route();
})();
`;
