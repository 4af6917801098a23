import assert from 'node:assert/strict';
import { Script } from 'node:vm';
import { after, before, test } from 'node:test';
import { CLIENT_SCRIPT } from '../../src/server/ui/client-script.js';
import { createTestServer, type TestServer } from './test-server.js';

let server: TestServer;
before(async () => {
  server = await createTestServer({ readsOpen: true });
});
after(() => server.close());

test('the client script is valid JavaScript and never writes HTML from strings', () => {
  assert.doesNotThrow(() => new Script(CLIENT_SCRIPT, { filename: 'app.js' }));
  assert.doesNotMatch(
    CLIENT_SCRIPT,
    /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/,
  );
});

test('UI pages are one data-free shell loading local assets only, under a strict CSP', async () => {
  for (const path of [
    '/',
    '/search?q=%3Cscript%3E',
    '/articles/abc',
    '/entities?prefix=%3Cscript%3E',
    '/entities/local%3Aperson%3A%3Cscript%3E',
    '/stories?q=%3Cscript%3E',
    '/stories/story-%3Cscript%3E',
  ]) {
    const response = await server.app.request(path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ]) {
      assert.ok(csp.includes(directive), `${path}: CSP lacks ${directive}`);
    }
    const html = await response.text();
    assert.doesNotMatch(
      html,
      /<script>|<script [^>]*>[^<]|\son[a-z]+=|style=|https?:\/\//,
      `${path}: inline code or remote asset`,
    );
    assert.doesNotMatch(html, /%3Cscript|<script>/i);
  }
});

test('assets are served with their types', async () => {
  const js = await server.app.request('/ui/app.js');
  assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.equal(await js.text(), CLIENT_SCRIPT);
  const css = await server.app.request('/ui/app.css');
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
});
