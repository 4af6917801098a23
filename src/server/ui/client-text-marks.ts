/**
 * Client code (inlined into client-script.ts's closure, so it shares `el`) that splits the article
 * text into paragraphs and draws highlight marks into it. Marks nest: entities and figures sit
 * inside the quote that holds them, and a mark that straddles another's edge is dropped rather
 * than drawn across it.
 */
export const CLIENT_TEXT_MARKS = String.raw`
  var MARK_RANK = { target: 0, quote: 1, figure: 2, entity: 3, match: 4 };

  function entityHref(id) {
    return '/entities/' + encodeURIComponent(id);
  }

  // Where a fact came from: the article, scrolled to and focused at the fact's characters.
  function evidenceHref(articleId, start, end) {
    return '/articles/' + encodeURIComponent(articleId) + '#at-' + start + '-' + end;
  }

  function nestMarks(marks) {
    var sorted = marks.slice().sort(function (a, b) {
      return a.start - b.start || b.end - a.end || (MARK_RANK[a.kind] || 9) - (MARK_RANK[b.kind] || 9);
    });
    var root = { start: -Infinity, end: Infinity, children: [] };
    var stack = [root];
    sorted.forEach(function (m) {
      if (!(m.end > m.start)) return;
      while (stack.length > 1 && m.start >= stack[stack.length - 1].end) stack.pop();
      var parent = stack[stack.length - 1];
      if (m.end > parent.end) return;
      var node = { mark: m, start: m.start, end: m.end, children: [] };
      parent.children.push(node);
      stack.push(node);
    });
    return root.children;
  }

  function figureTitle(m) {
    var amount = m.value !== undefined ? ' ' + m.value + (m.unit ? ' ' + m.unit : '') : '';
    return 'Figure (' + (m.type || 'figure') + ')' + amount + (m.subject ? ', ' + m.subject : '');
  }

  function quoteTitle(m) {
    var who = m.name ? ' by ' + m.name + (m.anonymous ? ' (unnamed source)' : '') : '';
    return 'Quote (' + (m.type || 'quote') + ')' + who;
  }

  function markElement(m, children, inLink) {
    if (m.kind === 'target') {
      return el('span', { class: 'hl-target', id: 'evidence', tabindex: '-1' }, children);
    }
    if (m.kind === 'entity') {
      var mark = el('mark', { class: 'hl-entity', title: m.name + ' (' + m.type + ')', 'data-type': m.type || null }, children);
      return inLink || !m.entityId ? mark : el('a', { class: 'entity-link', href: entityHref(m.entityId) }, mark);
    }
    if (m.kind === 'figure') return el('mark', { class: 'hl-figure', title: figureTitle(m) }, children);
    if (m.kind === 'quote') return el('mark', { class: 'hl-quote', title: quoteTitle(m) }, children);
    return el('mark', { class: 'hl-' + String(m.kind).replace(/[^a-z-]/g, '') }, children);
  }

  // Text nodes and marks for text[from, to), with every mark clipped to that range (a quote may
  // run over a paragraph break).
  function markedNodes(text, from, to, nodes, inLink) {
    var out = [];
    var last = from;
    nodes.forEach(function (n) {
      var s = Math.max(n.start, from, last);
      var e = Math.min(n.end, to);
      if (e <= s) return;
      if (s > last) out.push(document.createTextNode(text.slice(last, s)));
      var linked = inLink || (n.mark.kind === 'entity' && !!n.mark.entityId);
      out.push(markElement(n.mark, markedNodes(text, s, e, n.children, linked), inLink));
      last = e;
    });
    if (last < to) out.push(document.createTextNode(text.slice(last, to)));
    return out;
  }

  var LEGEND = [
    ['match', 'hl-match', 'Search match'],
    ['entity', 'hl-entity', 'Entity (opens its page)'],
    ['figure', 'hl-figure', 'Figure'],
    ['quote', 'hl-quote', 'Quote'],
  ];

  function marksLegend(marks) {
    var present = {};
    marks.forEach(function (m) { present[m.kind] = true; });
    var items = LEGEND.filter(function (entry) { return present[entry[0]]; });
    if (items.length === 0) return null;
    return el('ul', { class: 'legend', 'aria-label': 'Highlight legend' }, items.map(function (entry) {
      return el('li', {}, el('mark', { class: entry[1], text: entry[2] }));
    }));
  }

  // Paragraphs with their offsets in the stored text, so highlight ranges (offsets into the whole
  // text) land in the right paragraph.
  function paragraphsOf(text) {
    var out = [];
    var pattern = /\S[\s\S]*?(?=\n\s*\n|\s*$)/g;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      out.push({ start: match.index, text: match[0] });
      if (match[0].length === 0) pattern.lastIndex++;
    }
    return out;
  }

  function paragraphNode(text, paragraph, tree) {
    return el('p', {}, markedNodes(text, paragraph.start, paragraph.start + paragraph.text.length, tree, false));
  }

  // "#at-START-END" (from a quote, figure or relation elsewhere) marks and focuses that evidence.
  function evidenceTarget() {
    var m = /^#at-(\d+)-(\d+)$/.exec(location.hash);
    return m ? { kind: 'target', start: Number(m[1]), end: Number(m[2]) } : null;
  }
`;
