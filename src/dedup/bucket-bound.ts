/**
 * Postings read per LSH bucket when band candidates are looked up: the newest (most recently
 * indexed) MAX_BUCKET_POSTINGS of a bucket, the older ones left out.
 *
 * Why: a lookup counts every article in each of its 32 buckets. Articles made from one template
 * (a feed of 100,000 "Frigate N moved near port M." items, market reports) fall into the same few
 * buckets, so each new one read every earlier one: quadratic. 20,000 such items put 12,088 articles
 * in one bucket, and the run's CPU grew 2.9x for 2x the items (29 s for 10,000, 85 s for 20,000).
 * With the bound, 10,000 items: 31 s of CPU instead of 43 s (both in one run); 20,000: 55 s.
 * Real corpora never come near it (../shared BBC, 2,129 articles: largest bucket 9 articles), so
 * their candidates do not change.
 *
 * Newest first, as news copies are published close together; ties on the shared-band count are
 * still broken by article id. Every NearDuplicateIndex applies it (memory, SQLite, PostgreSQL), so
 * the backends keep agreeing.
 */
export const MAX_BUCKET_POSTINGS = 256;
