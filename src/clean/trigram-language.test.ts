import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { franc } from 'franc-min';
import { loadBenchmarkPages } from '../../bench/extraction-corpora.js';
import { sharedPath, skipUnlessShared } from '../../test/shared-data.js';
import { extractArticle } from './extract-article.js';
import { trigramLanguage } from './trigram-language.js';

const AEB = ['corpora', 'article-extraction-benchmark'] as const;

describe('trigramLanguage', () => {
  test("gives franc-min's answer in every script and below the minimum length", () => {
    const samples = [
      'The United States will strengthen its military presence in Europe, the president said.',
      'Die Bundesregierung hat am Mittwoch beschlossen, die Ausgaben deutlich zu erhöhen.',
      'Le gouvernement a annoncé mercredi une hausse du budget de la défense.',
      'Президент заявил в среду, что страна увеличит расходы на оборону.',
      'これは日本語のテキストです。ひらがなとカタカナ。',
      'Αυτό είναι ένα ελληνικό κείμενο για δοκιμή.',
      'مرحبا بكم في هذا النص العربي للاختبار',
      'नमस्ते यह हिंदी में एक परीक्षण पाठ है',
      'İSTANBUL İÇİN İYİ BİR GÜN, 12.03.2024!',
      '12345 67890 !!!! ???? 2024-01-01',
      'short',
      '',
    ];
    for (const text of samples) {
      for (const minLength of [1, 10, 40]) {
        assert.equal(trigramLanguage(text, minLength), franc(text, { minLength }), text);
      }
    }
  });

  test(
    "gives franc-min's answer on every 300-character window of the benchmark pages' text",
    { skip: skipUnlessShared(...AEB) },
    () => {
      const dir = sharedPath(...AEB);
      assert.ok(dir);
      let compared = 0;
      for (const page of loadBenchmarkPages(dir)) {
        const text = extractArticle(page.html).text;
        for (let at = 0; at < text.length; at += 300) {
          const window = text.slice(at, at + 300);
          assert.equal(trigramLanguage(window, 40), franc(window, { minLength: 40 }), window);
          compared++;
        }
      }
      assert.ok(compared > 1000, `only ${compared} windows compared`);
    },
  );
});
