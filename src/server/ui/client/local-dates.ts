import { localDate } from '../../../core/display-format.js';

/** Server-rendered dates read "2025-11-21 13:40 UTC"; the reader gets their own locale and zone. */
export const localiseDates = (root: ParentNode = document): void => {
  for (const node of root.querySelectorAll<HTMLTimeElement>('time[data-local]')) {
    const iso = node.getAttribute('datetime');
    if (iso) node.textContent = localDate(iso);
  }
};
