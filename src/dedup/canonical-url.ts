/**
 * One spelling per article URL, so the same page reached through a tracking link, another scheme or
 * a "www." host is recognised as the same page. Returns undefined for text that is not an http(s) URL.
 */

const TRACKING_PARAM =
  /^(utm_|mc_|_hs|ga_)|^(fbclid|gclid|dclid|msclkid|yclid|igshid|cmpid|ocid|ref|ref_src|smid|cid)$/i;

/** Query parameters that track a click rather than name a page (also used for article identity). */
export const isTrackingParam = (name: string): boolean => TRACKING_PARAM.test(name);

export const canonicalUrl = (raw: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^(www\d*|m|amp)\./, '');
  const kept = [...url.searchParams.entries()]
    .filter(([name]) => !isTrackingParam(name))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  let path = url.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/') path = '';
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  // The scheme is dropped on purpose: http and https copies of one page are the same article.
  return `${host}${port}${path}${query}`;
};
