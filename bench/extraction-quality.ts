/** Quality of src/clean's HTML extraction on the shared corpora (used by bench/extract.ts and scripts/eval.ts). */
import { join } from 'node:path';
import { extractArticle } from '../src/clean/extract-article.js';
import {
  loadBenchmarkPages,
  loadFundusPages,
  sameAuthors,
  sameDay,
  sameTitle,
  scoreBodies,
  type BodyScore,
} from './extraction-corpora.js';

export const benchmarkBodyScore = (shared: string): BodyScore => {
  const dir = join(shared, 'corpora', 'article-extraction-benchmark');
  const predictions = new Map(
    loadBenchmarkPages(dir).map((p) => [p.id, extractArticle(p.html).text]),
  );
  return scoreBodies(
    join(shared, 'tools', 'score-extraction.mjs'),
    join(dir, 'ground-truth.json'),
    predictions,
  );
};

export interface FundusScore {
  readonly pages: number;
  readonly body: BodyScore;
  readonly titleExact: number;
  readonly authorSet: number;
  readonly dateSameDay: number;
  readonly misses?: readonly string[];
}

export const fundusScore = (shared: string, listMisses = false): FundusScore => {
  const pages = loadFundusPages(join(shared, 'corpora', 'fundus-news-html', 'test_data'));
  const truth = new Map<string, string>();
  const predictions = new Map<string, string>();
  let titles = 0;
  let authors = 0;
  let dates = 0;
  const misses: string[] = [];
  for (const page of pages) {
    const got = extractArticle(page.html);
    truth.set(page.id, page.expected.body);
    predictions.set(page.id, got.text);
    const t = sameTitle(got.title, page.expected.title);
    const a = sameAuthors(got.authors, page.expected.authors);
    const d = sameDay(got.published, page.expected.published);
    titles += t ? 1 : 0;
    authors += a ? 1 : 0;
    dates += d ? 1 : 0;
    if (listMisses) {
      if (!t) misses.push(`${page.id}\ttitle\t${got.title ?? '-'}\t${page.expected.title}`);
      if (!a)
        misses.push(
          `${page.id}\tauthors\t${got.authors.join('; ')}\t${page.expected.authors.join('; ')}`,
        );
      if (!d)
        misses.push(`${page.id}\tdate\t${got.published ?? '-'}\t${page.expected.published ?? '-'}`);
    }
  }
  const n = pages.length;
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    pages: n,
    body: scoreBodies(join(shared, 'tools', 'score-extraction.mjs'), truth, predictions),
    titleExact: round(titles / n),
    authorSet: round(authors / n),
    dateSameDay: round(dates / n),
    ...(listMisses ? { misses } : {}),
  };
};
