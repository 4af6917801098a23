/**
 * Lower-cased copies of metadata that query filters compare against. Made in JavaScript because
 * SQLite's lower() folds only ASCII; both backends store the same keys.
 */
export const sourceKey = (source: string | undefined): string | null =>
  source === undefined ? null : source.trim().toLowerCase();

/** `en-GB` -> `en`: `lang:` filters and facets work on the primary language subtag. */
export const languageKey = (language: string | undefined): string | null => {
  if (language === undefined) return null;
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  return primary === undefined || primary === '' ? null : primary;
};
