/**
 * Hand labels for bench/dedup-real-copies.ts: real pages in ../shared/corpora (ids only, never
 * text) that carry the same story. Found by listing page pairs of all extraction sets that share
 * 5-word shingles, then reading both texts: a "copy" group is one wire story or press release
 * republished by several sites (different furniture, bylines, timestamps, truncation), or one
 * page crawled twice; "optional" pairs are rewrites or different versions of one wire story
 * (neither a hit nor a miss); every other pair the bench predicts is a false copy unless listed
 * here. Labelled 2026-12-07 before any dedup change was made.
 *
 * Split: L3S-GN1 groups whose first page id starts with 0-7 are dev, 8-f report; every group from
 * the other corpora (same page crawled twice) is report.
 */
export interface CopyGroup {
  readonly pages: readonly string[];
  readonly what: string;
}

export const REAL_COPY_GROUPS: readonly CopyGroup[] = [
  {
    pages: [
      'l3s-gn1:11bb473f-d01a-49f2-906c-c0608bb2987c',
      'l3s-gn1:77c361ce-1d3e-4112-ac72-e889e7fbe50a',
    ],
    what: 'AAP: Kemble quits as Kiwi coach, Northern News and Canberra Times',
  },
  {
    pages: [
      'l3s-gn1:59822881-3c67-4068-afcc-5ff6b49954c5',
      'l3s-gn1:9b10bc9e-0792-40d4-b904-d48653c377cc',
    ],
    what: 'More Britons in blood scandal, two sites',
  },
  {
    pages: [
      'l3s-gn1:445955a8-5a7f-4026-a302-04a39a27e8a8',
      'l3s-gn1:907e52d9-4df4-46d0-86ff-911dacc1e94b',
    ],
    what: 'Jewell close to striker move, icBirmingham and another',
  },
  {
    pages: [
      'l3s-gn1:02e622bc-00a7-4b0e-85ef-5a663ef6233c',
      'l3s-gn1:1bb25401-88ee-466c-852a-7ebb6e99f64b',
      'l3s-gn1:cb487d49-b44c-4d82-93be-06702e394bf7',
    ],
    what: 'Business Wire: Logitech Harmony One at CES, three sites (German furniture on one)',
  },
  {
    pages: [
      'l3s-gn1:b82e9772-a459-46ef-9f93-84f15c773375',
      'l3s-gn1:fc246c87-b4c6-4a7b-a77f-627c7fa18004',
    ],
    what: 'AP: Thai market bombing injures 39, timestamps differ',
  },
  {
    pages: [
      'l3s-gn1:967a6e51-c43f-4892-bb5c-39cbfb08163a',
      'l3s-gn1:d9e50b32-13b4-4d19-9e12-17e3b0e2fbda',
    ],
    what: 'AP: Andrew Morton defends Cruise book, lightly edited',
  },
  {
    pages: [
      'l3s-gn1:6c414d50-1d83-4867-a602-137cbb4c5531',
      'l3s-gn1:aa00507b-348b-476f-b421-7cbf2b6ada76',
    ],
    what: 'AP: T.J. Ford cleared to resume workouts, one with AP feed disclaimer',
  },
  {
    pages: [
      'l3s-gn1:2faf4aab-6e1d-4a6a-a43e-a216e2c7170f',
      'l3s-gn1:8198035c-2d3e-4605-a2a4-352d891c965c',
    ],
    what: 'AP: Pepsi/Amazon Super Bowl ad, one with page furniture and byline',
  },
  {
    pages: [
      'l3s-gn1:335b5036-2fad-4c9e-835b-a46b4a1c0e62',
      'l3s-gn1:f5593c1e-ac20-46d7-b30c-55c7e7ab6379',
    ],
    what: 'AP: New life for McGovern; one site shows page 1 of 2 (truncated)',
  },
  {
    pages: [
      'l3s-gn1:70435bf4-7e87-402f-afe8-1e88ed6390f3',
      'l3s-gn1:90808156-7b9e-4993-80aa-31e1a6ba6cff',
    ],
    what: 'Sapa: Bulls, Jones pursue talks, News24 and another',
  },
  {
    pages: ['cleaneval-dev:60', 'cleaneval-final:60'],
    what: 'same page in both CleanEval sets',
  },
  {
    pages: [
      'aeb:34a7328535ad4e60b059f81d37eec5d25c2bc8de759ce9a7b5e47ac7dc6fd1b0',
      'newspaper4k:article_with_divs',
    ],
    what: 'same page in two benchmarks',
  },
  {
    pages: ['readability:lifehacker-post-comment-load', 'readability:lifehacker-working'],
    what: 'same Lifehacker post, two saves',
  },
  {
    pages: ['newspaper4k:cleveland.com1', 'newspaper4k:video_article_01'],
    what: 'same cleveland.com page, two fixtures',
  },
  {
    pages: [
      'cleanportaleval:washingtonpost.com_blog1_15',
      'cleanportaleval:washingtonpost.com_blog1_8',
    ],
    what: 'same Washington Post blog post, quotes differ',
  },
  {
    pages: ['fundus:de/Taz_2023_04_28', 'fundus:de/Taz_2024_10_23'],
    what: 'same taz commentary crawled a year apart, teaser differs',
  },
];

/** Pairs that are neither hit nor miss: rewrites, other versions, excerpts, one-page profiles. */
export const OPTIONAL_PAIRS: readonly (readonly [string, string, string])[] = [
  [
    'l3s-gn1:b09fe710-8e21-48bb-abf7-1cc842b668ea',
    'l3s-gn1:f459b29d-3925-4daa-abf8-3546ab986756',
    'Magellan release and one section of it',
  ],
  [
    'l3s-gn1:b89b4068-c3d3-4a86-990a-713721f7e034',
    'l3s-gn1:b9141a79-c5dc-418d-b05e-23532baa6d9a',
    'Press TV rewrite of Xinhua',
  ],
  [
    'l3s-gn1:43fb5dbe-6f8c-45f8-bd59-7b258df028fb',
    'l3s-gn1:bcfbc733-3b19-42c6-bbec-8f841273b662',
    'Al Jazeera "agencies" rewrite of AFP',
  ],
  [
    'l3s-gn1:47a8d151-27d9-4f98-90eb-27aaad2e9edd',
    'l3s-gn1:ce6830ee-9292-4855-be7b-c5fe64d347b2',
    'two AP versions (updates) of Rice in Baghdad',
  ],
  [
    'l3s-gn1:4abb4be9-a9af-4ede-8857-05a9bca43683',
    'l3s-gn1:a861adf0-c5d5-4c1e-804f-e2a3efe757c2',
    'AP broadcast and print versions',
  ],
  ['dragnet:R568', 'dragnet:R570', 'one blogger profile extracted from two posts'],
];

/** Which half a group belongs to (see the file comment). */
export const roleOfGroup = (group: CopyGroup): 'dev' | 'report' => {
  const first = [...group.pages].sort()[0] ?? '';
  const m = /^l3s-gn1:([0-9a-f])/.exec(first);
  return m && parseInt(m[1] as string, 16) < 8 ? 'dev' : 'report';
};
