import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipUnlessShared } from '../shared-data.js';
import { createTestServer, type TestServer } from '../server/test-server.js';
import { ingestSeeds } from '../seed-store.js';

/**
 * The ledger's pages on the real seeds, rendered on the server (no browser): the 52-vs-20
 * countries conflict side by side, Estonia's HIMARS from the United States in the exposure
 * matrix, the Dependencies tab with its evidence and exports.
 */
const skip = skipUnlessShared('seeds');
let server: TestServer;

before(async () => {
  server = await createTestServer({ readsOpen: true });
  if (skip) return;
  await ingestSeeds(server.store);
});
after(() => server.close());

const page = async (path: string): Promise<string> => {
  const response = await server.app.request(path);
  assert.equal(response.status, 200, path);
  assert.match(response.headers.get('content-type') ?? '', /text\/html/);
  const html = await response.text();
  assert.match(html, /^<!DOCTYPE html>/i);
  return html;
};

describe('ledger pages on the seeds', { skip }, () => {
  test('/claims?conflicts=1 shows the 52-vs-20 conflict side by side with reasons and exports', async () => {
    const html = await page('/claims?conflicts=1');
    const conflicts = html.split('class="conflict"').length - 1;
    assert.equal(conflicts, 1, 'one conflict on the seeds');
    const sides = html.match(/class="conflict-side"[\s\S]*?<\/article>/g) ?? [];
    assert.equal(sides.length, 2);
    assert.match(sides[0]!, /at least 52 countries|52 countries/);
    assert.match(sides[1]!, /20 countries/);
    for (const side of sides) {
      assert.match(side, /<mark>[^<]*\d[^<]*<\/mark>/, 'the figure is marked in its sentence');
      assert.match(side, /href="\/articles\/[^"?]+\?at=\d+-\d+#evidence"/);
      assert.match(side, /Claimant/);
    }
    assert.match(html, /Why flagged/);
    assert.match(html, /href="\/api\/claims\?conflicts=1&amp;format=csv"/);
    assert.match(html, /href="\/api\/claims\?conflicts=1&amp;format=jsonl"/);
    // The export link works and gives CSV.
    const csv = await server.app.request('/api/claims?conflicts=1&format=csv');
    assert.equal(csv.status, 200);
    assert.match(await csv.text(), /20 countries/);
  });

  test('/claims lists every measure; the nav links it; an entity filter narrows it', async () => {
    const all = await page('/claims');
    assert.match(all, /<a href="\/claims"[^>]*>Claims<\/a>/);
    const measures = (all.match(/class="claim-group"/g) ?? []).length;
    assert.ok(measures > 1, `several measures (${measures})`);
    const none = await page('/claims?entity=no-such-entity-anywhere');
    assert.match(none, /No claims match/);
  });

  test('/exposure?country=Estonia lists HIMARS under the United States with evidence', async () => {
    const html = await page('/exposure?country=Estonia');
    assert.match(html, /<h1>Exposure: Estonia<\/h1>/);
    const matrix = html.match(/<table class="exposure-matrix">[\s\S]*?<\/table>/)?.[0] ?? '';
    assert.match(matrix, /United States/);
    assert.match(matrix, /HIMARS/);
    assert.match(matrix, /href="\/articles\/[^"?]+\?at=\d+-\d+#evidence"/);
  });

  test('the Dependencies tab lists edges with sentences, GEXF/GraphML exports and canvas data', async () => {
    const html = await page('/graph?view=dependencies&node=Estonia');
    assert.match(html, /HIMARS/);
    assert.match(html, /href="\/api\/graph\?node=Estonia&amp;format=gexf"/);
    assert.match(html, /href="\/api\/graph\?node=Estonia&amp;format=graphml"/);
    assert.match(html, /<q>[^<]+<\/q>/, 'evidence sentences');
    const data = (await (
      await server.app.request('/graph/dependencies.json?node=Estonia')
    ).json()) as { nodes: { name: string }[]; edges: { evidence: { sentence: string }[] }[] };
    assert.ok(data.nodes.some((n) => n.name === 'HIMARS'));
    assert.ok(data.edges.every((e) => e.evidence.every((x) => x.sentence.length > 0)));
    const gexf = await server.app.request('/api/graph?node=Estonia&format=gexf');
    assert.match(await gexf.text(), /<gexf/);
  });
});
