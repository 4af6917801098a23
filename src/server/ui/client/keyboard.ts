/**
 * Keys: "/" jumps to the search box; "j"/"k" move between results (or list links) of the page;
 * Escape leaves the search box. Never while typing in a field.
 */
const typing = (target: EventTarget | null): boolean => {
  const node = target as HTMLElement | null;
  const tag = node?.tagName;
  return (
    tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || node?.isContentEditable === true
  );
};

const LIST_LINKS = '.hit-link, .story-ref, .timeline-link';

const moveFocus = (step: number): void => {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(LIST_LINKS)];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    links[
      at < 0
        ? step > 0
          ? 0
          : links.length - 1
        : Math.min(links.length - 1, Math.max(0, at + step))
    ];
  next?.focus();
};

export const installKeyboard = (): void => {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && typing(event.target)) {
      (event.target as HTMLElement).blur();
      return;
    }
    if (typing(event.target)) return;
    if (event.key === '/') {
      const box = document.getElementById('q') as HTMLInputElement | null;
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    } else if (event.key === 'j') moveFocus(1);
    else if (event.key === 'k') moveFocus(-1);
  });
};
