/**
 * Reuters-21578 story chains (bench/stories-quality.ts): one wire's follow-ups on an event over
 * days and weeks (a takeover battle, a quake's aftermath, a trade dispute), with neighbouring
 * events of the same kind and weeks in the stream (half a dozen takeover battles in March 1987,
 * the Ecuador quake beside Ecuador's debt halt and its general strike). Full texts, dated to the
 * second, read from ../shared (never copied).
 *
 * Gold written by hand (session 6, before any tuning) as rules, read off the titles: an article
 * belongs to an event when its headline matches the event's pattern, not its exclusion, and its
 * date falls in the event's span (first to last follow-up seen in the titles). Routine items about
 * the same company (earnings, dividends, monthly sales, unrelated unit sales) are excluded: they
 * are not the event. A headline matching two events has no single answer and is left out. Every
 * other article dated within the spans is clustered too (the wire's stream around the events), but
 * only labelled ones are scored.
 */
import type { StoryInput } from '../src/stories/assign-story.js';
import { storyOrderKey } from '../src/stories/story-order.js';
import { readReuters } from './dedup-corpora.js';
import type { Labelled } from './stories-sets.js';

interface ChainEvent {
  readonly from: string;
  readonly to: string;
  readonly headline: RegExp;
  readonly not?: RegExp;
}

const ROUTINE =
  /\b(QTR|QTLY|NET|DIVIDEND|DIV|PAYOUT|LOAD FACTOR|QUARTERLY|SALES (RISE|OFF)|OUTPUT)\b/;

export const REUTERS_CHAINS: Record<string, ChainEvent> = {
  // Chrysler agrees to buy American Motors from Renault (9 March 1987) and the follow-ups.
  amc: {
    from: '1987-03-09',
    to: '1987-03-24',
    headline:
      /(AMERICAN MOTORS|\bAMC\b).*(CHRYSLER|TAKEOVER|BID|PROPOSAL|RENAULT|MERGER|BUYOUT|BOARD)|CHRYSLER.*(AMC|AMERICAN MOTORS)/,
    not: /SALES|OUTPUT/,
  },
  // Texaco's court fight with Pennzoil over the $10.3 billion judgment, and its Chapter 11 filing.
  texaco: { from: '1987-04-07', to: '1987-04-13', headline: /TEXACO|PENNZOIL/ },
  // AFG and Wagner & Brown (General Partners) bid for GenCorp; proxy fight, rejection, retreat.
  gencorp: {
    from: '1987-03-18',
    to: '1987-04-13',
    headline: /GENCORP|GENERAL PARTNERS/,
    not: /PLANT|WOR-TV|TV STATION|SITE OF ANNUAL|JEFFERIES|STOCK DIVIDEND/,
  },
  // Dixons and Citicorp's CYACQ compete for Cyclops Corp.
  cyclops: { from: '1987-03-06', to: '1987-04-01', headline: /CYCLOPS|CYACQ/, not: /JEFFERIES/ },
  // The Ecuador earthquake (5-6 March) stops oil exports: the pipeline, oil loans, OPEC quota.
  'ecuador-quake': {
    from: '1987-03-06',
    to: '1987-03-25',
    headline: /ECUADOR.*(QUAKE|OIL|PIPELINE|CRUDE|EXPORT|OPEC)|(VENEZUELA|NIGERIA).*ECUADOR/,
  },
  // Ecuador suspends payments to its creditor banks (a consequence, a separate story).
  'ecuador-debt': {
    from: '1987-03-11',
    to: '1987-03-25',
    headline: /ECUADOR.*(DEBT|PAYMENTS|BANKS|CREDIT|PARIBAS|IADB|IMF)|(PARIBAS|IMF).*ECUADOR/,
  },
  // The general strike against Ecuador's austerity measures.
  'ecuador-strike': { from: '1987-03-18', to: '1987-03-26', headline: /ECUADOR.*STRIKE/ },
  // The US-Japan semiconductor pact dispute and the sanctions.
  chips: {
    from: '1987-03-13',
    to: '1987-04-13',
    headline:
      /(CHIP|SEMICONDUCTOR).*(JAPAN|NAKASONE|TOKYO|SANCTION|U\.S\.)|(JAPAN|NAKASONE|TOKYO|U\.S\.).*(CHIP|SEMICONDUCTOR)/,
    not: /\bEC\b|CANON|TOSHIBA|MITSUI|MITSUBISHI|BOOK.TO.BILL|INDUSTRY FORM|PIOSEC/,
  },
  // Iran's Silkworm missiles at Hormuz and the US offer to escort Kuwaiti tankers.
  'gulf-escort': {
    from: '1987-03-14',
    to: '1987-04-07',
    headline:
      /SILKWORM|ESCORT|ANTI-SHIP|HORMUZ|GULF SHIPPING|INTERVENE IN THE GULF|RE-REGISTER|NAVY.*GULF|GULF NAVIGATION/,
  },
  // Brazil's debt moratorium and the talks with its creditor banks.
  'brazil-debt': {
    from: '1987-03-02',
    to: '1987-04-09',
    headline: /BRAZIL.*(DEBT|MORATORIUM|CREDITOR|BANKS|FUNARO|BANK COMMITTEE)|FUNARO/,
    not: /STRIKE|WORKERS|UNREST/,
  },
  // The national strike of Brazil's bank workers.
  'brazil-strike': {
    from: '1987-03-14',
    to: '1987-04-01',
    headline: /BRAZIL.*(BANK ?WORKERS|STRIKE|LABOUR UNREST)/,
  },
  // Martin Sosnoff's bid for Caesars World.
  caesars: {
    from: '1987-03-09',
    to: '1987-04-13',
    headline: /CAESARS|CEASARS|SOSNOFF/,
    not: /PRATT/,
  },
  // E.F. Hutton's buyout of Purolator Courier, then Emery's rival bid.
  purolator: { from: '1987-03-02', to: '1987-04-09', headline: /PUROLATOR/ },
  // The bids for Taft Broadcasting.
  taft: { from: '1987-03-06', to: '1987-03-30', headline: /TAFT/, not: /STATION SALE/ },
  // GAF's bid for Borg-Warner and the Merrill Lynch buyout.
  borg: {
    from: '1987-03-24',
    to: '1987-04-13',
    headline: /BORG-WARNER|BORG <BOR>/,
    not: /AUSTRALIA|BUYS BORG-WARNER <BOR> UNIT/,
  },
  // TWA's offer for USAir, USAir's buyout of Piedmont.
  usair: {
    from: '1987-03-04',
    to: '1987-03-26',
    headline: /USAIR|PIEDMONT|\bTWA\b/,
    not: /FREIGHT|PACIFIC SOUTHWEST|PS GROUP|CREDIT PACT|PIEDMONT MANAGEMENT|ROUTE|UNION GETS|DISCRIMINATION/,
  },
  // The takeover battle for Dome Petroleum (TransCanada, Amoco).
  dome: {
    from: '1987-04-08',
    to: '1987-04-21',
    headline: /\bDOME\b/,
    not: /DOME MINES|DOMESTIC/,
  },
  // Bids for Harper and Row (Theodore Cross, Harcourt, News Corp).
  harper: {
    from: '1987-03-09',
    to: '1987-04-02',
    headline: /HARPER.*(<HPR>|ROW)|HARPER <HPR>/,
  },
  // The G-7 meeting in Washington reviewing the Paris (Louvre) accord.
  g7: {
    from: '1987-04-02',
    to: '1987-04-13',
    headline: /G-7|GROUP OF FIVE|GROUP OF 10|G-5/,
  },
  // BP's bid for the rest of Standard Oil (Sohio).
  sohio: {
    from: '1987-03-26',
    to: '1987-04-23',
    headline: /STANDARD OIL.*(BP|BID|TENDER|DELAY|WATCH)|(B\.P\.|BP).*STANDARD OIL/,
  },
  // The 19 October 1987 stock market crash, its day and the day after.
  crash: {
    from: '1987-10-19',
    to: '1987-10-20',
    headline:
      /STOCK MARKET|WALL STREET|DOW JONES|SELLOFF|SELL-OFF|SHARE CRASH|STOCKS? PLUNGE|MARKET (DROP|FALL|DECLINE|COLLAPSE|PLUNGE)|GREENSPAN|1929|STOCK TUMBLE|PANIC|BLACK MONDAY/,
    not: /DOW CHEMICAL|TEXACO/,
  },
  // E.F. Hutton denies solvency rumours on the day after the crash.
  hutton: { from: '1987-10-20', to: '1987-10-20', headline: /HUTTON.*(SOLVEN|SOUND)/ },
};

const day = (iso: string | undefined): string => (iso ?? '').slice(0, 10);

/**
 * Labelled chain articles of `events`, and every other article dated within one of their spans
 * (the stream they arrive in).
 */
export const reutersChains =
  (events: readonly string[]) => (): { labelled: Labelled[]; stream: StoryInput[] } => {
    const spans = events.map((name) => REUTERS_CHAINS[name] as ChainEvent);
    const labelled: Labelled[] = [];
    const stream: StoryInput[] = [];
    for (const doc of readReuters()) {
      const published = doc.published;
      const date = day(published);
      if (published === undefined || !spans.some((e) => date >= e.from && date <= e.to)) continue;
      const input: StoryInput = {
        id: doc.id,
        title: doc.title,
        text: doc.paragraphs.join('\n\n'),
        published,
        source: 'Reuters',
        order: storyOrderKey(published, doc.id, doc.id),
      };
      const matching = Object.entries(REUTERS_CHAINS).filter(
        ([, e]) =>
          date >= e.from &&
          date <= e.to &&
          e.headline.test(doc.title) &&
          !(e.not?.test(doc.title) ?? false) &&
          !ROUTINE.test(doc.title),
      );
      const only = matching.length === 1 ? matching[0]?.[0] : undefined;
      if (only !== undefined && events.includes(only)) labelled.push({ input, label: only });
      // Articles of events outside this half, or matching two, stay in the stream unscored.
      else stream.push(input);
    }
    return { labelled, stream };
  };
