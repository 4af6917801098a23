import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { repoPath } from '../shared-data.js';

/**
 * Issue 17's bar: no JavaScript or HTML kept inside TypeScript string literals under src/ (the UI
 * is TSX and typed client modules). Scans every string and template literal of src/**\/*.ts(x)
 * for markup (an HTML element tag) or browser script (DOM calls, String.raw code blobs).
 */

const HTML_TAG =
  /<\/?(html|head|body|script|style|div|span|p|a|ul|ol|li|table|tr|td|th|form|input|button|section|article|aside|nav|header|main|footer|h[1-6]|svg|img|iframe|link|meta|label|select|option|mark|blockquote|time|dl|dt|dd|em|strong|b|i|br)(\s[^<>]*)?\/?>/i;
const BROWSER_SCRIPT =
  /\b(document\.(createElement|getElementById|querySelector|addEventListener|body)|window\.|addEventListener\(|innerHTML|textContent\s*=|function\s*\(\s*\)\s*\{)/;

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

const literalTexts = (file: string): { text: string; line: number }[] => {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      found.push({ text: node.text, line: node.getStart() });
    else if (ts.isTemplateExpression(node)) {
      found.push({
        text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${}'),
        line: node.getStart(),
      });
    } else if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
      found.push({ text: `String.raw${node.template.getText()}`, line: node.getStart() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((f) => ({ ...f, line: source.getLineAndCharacterOfPosition(f.line).line + 1 }));
};

test('no HTML or browser JavaScript inside string literals under src/', () => {
  const root = repoPath();
  const offences: string[] = [];
  for (const file of sources(repoPath('src'))) {
    const rel = relative(root, file).replace(/\\/g, '/');
    for (const { text, line } of literalTexts(file)) {
      if (text.startsWith('String.raw') && rel.startsWith('src/server/'))
        offences.push(`${rel}:${line}: String.raw blob`);
      else if (HTML_TAG.test(text))
        offences.push(`${rel}:${line}: markup ${JSON.stringify(text.slice(0, 60))}`);
      else if (BROWSER_SCRIPT.test(text))
        offences.push(`${rel}:${line}: script ${JSON.stringify(text.slice(0, 60))}`);
    }
  }
  assert.deepEqual(offences, []);
});

test('the check finds the old kind of client blob', () => {
  const blob =
    'function el(tag) { var node = document.createElement(tag); node.innerHTML = "<b>x</b>"; }';
  assert.ok(HTML_TAG.test(blob) && BROWSER_SCRIPT.test(blob));
  assert.ok(HTML_TAG.test('<main id="main" tabindex="-1"><p>Loading…</p></main>'));
  assert.ok(!HTML_TAG.test('a < b and c > d'));
});
