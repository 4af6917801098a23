/** The search queries bench/load drives (run.ts) and counts statements for (endpoints.ts). */
export const LOAD_QUERIES = [
  'nato',
  'minister OR government',
  'election after:2004',
  'bank* -football',
  '"prime minister"',
  'film OR music source:bbc',
  'england world cup',
  'oil price*',
];
