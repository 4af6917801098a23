/** Every UI address in one place, so pages link to each other the same way. */
const enc = encodeURIComponent;

export const searchHref = (q: string, extra: Record<string, string | undefined> = {}): string => {
  const params = new URLSearchParams({ q });
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return `/search?${params.toString()}`;
};
export const articleHref = (id: string, q?: string): string =>
  `/articles/${enc(id)}${q ? `?q=${enc(q)}` : ''}`;
export const entityHref = (id: string): string => `/entities/${enc(id)}`;
export const storyHref = (id: string): string => `/stories/${enc(id)}`;
/** The article scrolled to and marking the characters a fact was read from. */
export const evidenceHref = (articleId: string, start: number, end: number): string =>
  `/articles/${enc(articleId)}?at=${start}-${end}#evidence`;

/** A query-language value: bare when it is one simple word, quoted otherwise. */
export const quoteValue = (value: string): string =>
  /^[\p{L}\p{N}_.-]+$/u.test(value) ? value : `"${value.replace(/"/g, '')}"`;

/** "2025-03" -> "2025-04". */
export const nextMonth = (month: string): string => {
  const [y = 0, m = 0] = month.split('-').map(Number);
  return m >= 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
