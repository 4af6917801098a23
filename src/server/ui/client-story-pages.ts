/**
 * Client code for the stories list, the story page, and the story and copies box of the article
 * page. Inlined into client-script.ts's closure, so it uses its helpers (el, api, render,
 * definitionList, formatDate, entityHref, searchHref). Every string from the API reaches the page
 * as text.
 */
export const CLIENT_STORY_PAGES = String.raw`
  function storyHref(id) {
    return '/stories/' + encodeURIComponent(id);
  }

  function articleHref(id) {
    return '/articles/' + encodeURIComponent(id);
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function dateRange(first, last) {
    var a = formatDate(first), b = formatDate(last);
    return a === b ? a : a + ' – ' + b;
  }

  function storyMeta(s) {
    return [dateRange(s.first_seen, s.last_seen), plural(s.article_count, 'article', 'articles'),
      plural(s.sources.length, 'source', 'sources')].filter(Boolean).join(' · ');
  }

  // The story an article (or search hit) belongs to, as one link; nothing for a story of one.
  function storyBadge(story) {
    if (!story || story.article_count < 2) return null;
    return el('p', { class: 'story-badge' },
      el('span', { class: 'story-note', text: 'Story: ' }),
      el('a', { href: storyHref(story.id), class: 'story-link', text: story.title }),
      el('span', { class: 'story-note', text: ' · ' + plural(story.article_count, 'article', 'articles') }),
    );
  }

  function storyItem(s, extra) {
    return el('li', { class: 'story-item' },
      el('a', { href: storyHref(s.id), class: 'story-ref', text: s.title }),
      el('p', { class: 'meta', text: storyMeta(s) + (extra ? ' · ' + extra : '') }),
      el('p', { class: 'story-sources', text: s.sources.join(', ') }),
    );
  }

  // Single-article stories are most of a large archive: hidden unless asked for (?all=1).
  function storiesPage(params) {
    var q = params.get('q') || '';
    var all = params.get('all') === '1';
    var cursor = params.get('cursor');
    var base = '/stories?' + (q ? 'q=' + encodeURIComponent(q) + '&' : '') + (all ? 'all=1&' : '');
    var path = '/api/stories?limit=20' + (all ? '' : '&min_articles=2') + (q ? '&q=' + encodeURIComponent(q) : '') + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    return api(path).then(function (body) {
      var box = el('input', { id: 'story-filter', name: 'q', type: 'search', value: q, autocomplete: 'off' });
      render('Stories',
        el('h1', { text: q ? 'Stories about ' + q : 'Stories' }),
        el('p', { class: 'note', text: 'Articles about the same event across days and sources, most recently seen first' +
          (all ? '.' : '; stories of a single article are left out.') }),
        el('form', { class: 'entity-filter', action: '/stories', method: 'get', role: 'search' },
          el('label', { for: 'story-filter', text: 'Title contains' }), box,
          all ? el('input', { type: 'hidden', name: 'all', value: '1' }) : null,
          el('button', { type: 'submit', text: 'Filter' }),
        ),
        el('p', {}, el('a', { href: '/stories?' + (q ? 'q=' + encodeURIComponent(q) + '&' : '') + (all ? '' : 'all=1'), class: 'all-stories',
          text: all ? 'Only stories of several articles' : 'Include single-article stories' })),
        body.items.length === 0
          ? el('p', { class: 'empty', text: q ? 'No story title contains that.' : 'No story yet: ingest articles first.' })
          : el('ol', { class: 'story-list' }, body.items.map(function (s) { return storyItem(s); })),
        body.next_cursor
          ? el('a', { class: 'next', href: base + 'cursor=' + encodeURIComponent(body.next_cursor), text: 'Next page →' })
          : null,
      );
    });
  }

  function timeOfDay(iso) {
    var t = Date.parse(iso);
    return isNaN(t) ? '' : new Date(t).toISOString().slice(11, 16);
  }

  function timelineItem(entry, titles) {
    var copy = entry.syndication && entry.syndication.of;
    return el('li', { class: 'timeline-item' + (copy ? ' is-copy' : '') },
      el('span', { class: 'time', text: entry.published ? timeOfDay(entry.published) : '' }),
      el('span', { class: 'timeline-source', text: entry.source || 'unknown source' }),
      el('a', { href: articleHref(entry.article_id), class: 'timeline-link', text: entry.title || '(untitled)' }),
      copy ? el('span', { class: 'copy-note' }, ' copy of ',
        el('a', { href: articleHref(copy), class: 'canonical-link', text: titles[copy] || copy })) : null,
    );
  }

  // Articles grouped by UTC day (the API's "day"); undated articles last.
  function timelineDays(timeline) {
    var days = [];
    var byDay = {};
    var titles = {};
    timeline.forEach(function (t) { titles[t.article_id] = t.title; });
    timeline.forEach(function (t) {
      var key = t.day || 'undated';
      if (!byDay[key]) { byDay[key] = []; days.push(key); }
      byDay[key].push(t);
    });
    return el('ol', { class: 'timeline-days' }, days.map(function (day) {
      return el('li', { class: 'timeline-day' },
        el('h3', {}, day === 'undated' ? 'Undated' : el('time', { datetime: day, text: day })),
        el('ol', { class: 'day-articles' }, byDay[day].map(function (t) { return timelineItem(t, titles); })),
      );
    }));
  }

  function storyPage(id) {
    return api('/api/stories/' + encodeURIComponent(id)).then(function (s) {
      render(s.title,
        el('article', { class: 'story-page' },
          el('h1', { id: 'story-title', text: s.title }),
          definitionList([
            ['First seen', s.first_seen],
            ['Last seen', s.last_seen],
            ['Articles', String(s.article_count)],
            ['Sources', s.sources.join(', ')],
          ]),
          s.top_entities.length ? el('section', { class: 'story-entities', 'aria-label': 'Entities' },
            el('h2', { text: 'Entities' }),
            el('ul', { class: 'entity-list' }, s.top_entities.map(function (e) {
              return el('li', {},
                el('a', { href: entityHref(e.id), class: 'entity-ref', text: e.name }),
                el('span', { class: 'count', text: ' ' + e.type + ' · ' + e.articles }),
              );
            })),
          ) : null,
          el('section', { class: 'story-timeline', 'aria-label': 'Timeline' },
            el('h2', { text: 'Timeline' }),
            el('p', { class: 'note', text: 'Articles by publication time, grouped by day (UTC). Copies of another article say so.' }),
            timelineDays(s.timeline),
          ),
        ),
      );
    });
  }

  function copyItem(c) {
    return el('li', { class: 'copy-item' },
      el('a', { href: articleHref(c.id), class: 'copy-link', text: c.title || '(untitled)' }),
      el('span', { class: 'meta', text: ' · ' + [c.source, formatDate(c.published)].filter(Boolean).join(' · ') +
        ' · ' + Math.round(c.similarity * 100) + '% shared (' + c.reasons.join(', ') + ')' }),
    );
  }

  // Where this article sits: its story, and whether it copies another article or is copied.
  function coverageBox(body) {
    var syn = body.syndication;
    var story = body.story && body.story.article_count > 1 ? body.story : null;
    if (!(syn && (syn.canonical || syn.copies.length)) && !story) return null;
    var more = syn && syn.copy_count > syn.copies.length ? syn.copy_count - syn.copies.length : 0;
    return el('aside', { class: 'coverage', 'aria-label': 'Story and copies' },
      story ? el('p', { class: 'coverage-story' },
        el('span', { class: 'meta', text: 'Story: ' }),
        el('a', { href: storyHref(story.id), class: 'story-link', text: story.title }),
        el('span', { class: 'meta', text: ' · ' + storyMeta(story) }),
      ) : null,
      syn && syn.canonical ? el('p', { class: 'coverage-copy' },
        el('span', { class: 'meta', text: (syn.status === 'duplicate' ? 'Exact copy' : 'Near-copy') + ' (' +
          Math.round(syn.similarity * 100) + '% shared, ' + syn.reasons.join(', ') + ') of ' }),
        el('a', { href: articleHref(syn.canonical.id), class: 'canonical-link', text: syn.canonical.title || '(untitled)' }),
        el('span', { class: 'meta', text: syn.canonical.source ? ' · ' + syn.canonical.source : '' }),
      ) : null,
      syn && syn.copies.length ? el('div', { class: 'coverage-copies' },
        el('h2', { text: syn.canonical ? 'Other copies' : 'Copies of this article' }),
        el('ul', { class: 'copy-list' }, syn.copies.map(copyItem)),
        more ? el('p', { class: 'meta', text: 'and ' + more + ' more' }) : null,
      ) : null,
    );
  }

  function relatedStoriesSection(stories) {
    if (!stories || stories.length === 0) return null;
    return el('section', { class: 'related-stories', 'aria-label': 'Related stories' },
      el('h2', { text: 'Related stories' }),
      el('ol', { class: 'story-list' }, stories.map(function (s) {
        return storyItem(s, plural(s.entity_articles, 'article mentions it', 'articles mention it'));
      })),
    );
  }
`;
