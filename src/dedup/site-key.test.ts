import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameSite, siteKey } from './site-key.js';

test('a host name stands for its registrable domain; blogs on a platform stay apart', () => {
  assert.equal(siteKey('edition.cnn.com'), 'cnn.com');
  assert.equal(siteKey('www.bbc.co.uk'), 'bbc.co.uk');
  assert.equal(siteKey('news.bbc.co.uk'), 'bbc.co.uk');
  assert.equal(siteKey('blacktown.yourguide.com.au'), 'yourguide.com.au');
  assert.equal(siteKey('en.news-front.info'), 'news-front.info');
  assert.equal(siteKey('smith.blogspot.com'), 'smith.blogspot.com');
  assert.equal(siteKey('Defence Wire'), 'Defence Wire');
  assert.equal(sameSite('money.cnn.com', 'edition.cnn.com'), true);
  assert.equal(sameSite('a.blogspot.com', 'b.blogspot.com'), false);
  assert.equal(sameSite('bbc.co.uk', 'itv.co.uk'), false);
  assert.equal(sameSite(undefined, undefined), false);
});
