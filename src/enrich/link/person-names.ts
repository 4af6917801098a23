/**
 * Person mentions arrive with titles attached ("President Joe Biden", "Mr. Biden"). Stripping them
 * gives the name to look up; the last token is the surname used for within-article coreference.
 */

const HONORIFICS = [
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'prof',
  'professor',
  'president',
  'vice president',
  'prime minister',
  'pm',
  'chancellor',
  'premier',
  'minister',
  'defense minister',
  'defence minister',
  'foreign minister',
  'secretary',
  'secretary general',
  'secretary-general',
  'defense secretary',
  'defence secretary',
  'general',
  'gen',
  'lt gen',
  'lieutenant general',
  'major general',
  'maj gen',
  'admiral',
  'adm',
  'colonel',
  'col',
  'commander',
  'king',
  'queen',
  'prince',
  'senator',
  'sen',
  'rep',
  'representative',
  'ambassador',
  'chairman',
  'chief',
  'commissioner',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ayatollah',
  'former president',
  'former',
] as const;

const HONORIFIC_RE = new RegExp(
  `^(?:(?:${[...HONORIFICS]
    .sort((a, b) => b.length - a.length)
    .map((h) => h.replace(/[ -]/g, '[ -]'))
    .join('|')})\\.?\\s+)+`,
  'i',
);

/** "President Joe Biden" -> "Joe Biden"; "Mr. Biden" -> "Biden"; a bare title is kept as is. */
export const stripHonorifics = (text: string): string => {
  const stripped = text.replace(HONORIFIC_RE, '').trim();
  return stripped.length > 0 ? stripped.replace(/['’]s$/, '') : text;
};

export const surnameOf = (name: string): string => {
  const parts = name.trim().split(/\s+/);
  const last = parts[parts.length - 1] ?? name;
  // "Jr." and "III" are not surnames.
  if (parts.length > 2 && /^(jr\.?|sr\.?|ii|iii|iv)$/i.test(last))
    return parts[parts.length - 2] ?? last;
  return last;
};
