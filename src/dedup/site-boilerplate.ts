import type { ParagraphedWords } from './aligned-overlap.js';
import { hashString32 } from './hash32.js';

/**
 * How much a text says beyond site furniture. Pages of one site (or one wire's clients) carry the
 * same lines: "Chat with us in Facebook Messenger. Find out what's happening in the world as it
 * unfolds.", an AP rights notice, a newsletter pitch. Two short pages made mostly of such lines
 * share most of their words without sharing a story; compare-fingerprints.ts asks such thin texts
 * for a matching headline as well.
 *
 * Counted on the stored word hashes, so it needs no new column: function words and the vocabulary
 * of site furniture (rights notices, social, newsletter, app, cookie and browser notices, in the
 * languages sitrep reads most) are not content. A few of those words are sometimes news ("press",
 * "share"); leaving them out only makes the thin rule a little stricter.
 */
const FUNCTION_WORDS = `a about after all also an and any are as at be been but by can could did do does for from
had has have he her his how i if in into is it its more most not of on one or our out over said says she so
some than that the their them then there these they this those to two up was we were what whats when which who
will with would you your
aber als am an auch auf aus bei bis das dass dem den der des die doch du ein eine einem einen einer eines er es
für hat hatte ich ihr im in ist ja kann mit nach nicht noch nur oder sein sich sie sind so über um und uns von
vor war wie wir wird zu zum zur
au aux avec ce ces dans de des du elle en est et il ils la le les leur lui mais ne nous on ou par pas pour qu
que qui sa se ses son sur un une
al con del el en es la las lo los no para por que se su sus un una y
che di e il non per un una
de een het in is niet op te van voor zijn
com da do em na no os para que um uma`;

const FURNITURE_WORDS = `copyright c rights reserved material may published broadcast rewritten redistributed
associated press ap reuters afp dpa contributed report reporting
chat messenger facebook twitter x instagram linkedin youtube whatsapp telegram tiktok pinterest rss feed
follow like share shares tweet email mail print subscribe subscription subscribers newsletter newsletters
sign signup inbox app apps download click tap here read more comments comment reply login register account
advertisement advertising sponsored ad ads cookie cookies javascript browser enable upgrade privacy policy
terms service contact unfolds happening updates alerts free
alle rechte vorbehalten weiterlesen mehr lesen anzeige werbung teilen kommentare abonnieren
tous droits réservés lire aussi publicité partager commentaires
todos derechos reservados leer más publicidad compartir comentarios`;

const hashes = (words: string): Set<number> =>
  new Set(
    words
      .split(/\s+/)
      .filter((w) => w !== '')
      .map(hashString32),
  );

const FUNCTION = hashes(FUNCTION_WORDS);
const FURNITURE = hashes(FURNITURE_WORDS);

/**
 * A paragraph in which at least this share of the words is furniture vocabulary is a furniture
 * line as a whole ("Chat with us in Facebook Messenger. Find out what's happening in the world as
 * it unfolds.": 5 of 16; an AP rights notice: 11 of 17), so its other words ("find", "world",
 * "2008") are not content either. A story paragraph with a dateline "(AP)" or a "said on Twitter"
 * stays far below it.
 */
const FURNITURE_LINE_SHARE = 0.25;

const distinctContent = new WeakMap<Uint32Array, number>();

/**
 * Distinct words of a folded text that are neither function words nor furniture vocabulary, outside
 * furniture lines. Cached per fingerprint array (the article being decided is compared with many
 * candidates).
 */
export const distinctContentWords = (text: ParagraphedWords): number => {
  let count = distinctContent.get(text.words);
  if (count === undefined) {
    const seen = new Set<number>();
    const starts = text.paragraphStarts.length > 0 ? text.paragraphStarts : Uint32Array.of(0);
    for (let p = 0; p < starts.length; p++) {
      const paragraph = text.words.subarray(
        starts[p] as number,
        p + 1 < starts.length ? (starts[p + 1] as number) : text.words.length,
      );
      let furniture = 0;
      for (const word of paragraph) if (FURNITURE.has(word)) furniture++;
      if (furniture >= FURNITURE_LINE_SHARE * paragraph.length) continue;
      for (const word of paragraph) if (!FUNCTION.has(word) && !FURNITURE.has(word)) seen.add(word);
    }
    count = seen.size;
    distinctContent.set(text.words, count);
  }
  return count;
};
