/** The article's highlight switches: each hides or shows one kind of mark (CSS does the rest). */
export const installMarkToggles = (): void => {
  const text = document.getElementById('article-text');
  const box = document.querySelector<HTMLFieldSetElement>('fieldset.mark-toggles');
  if (!text || !box) return;
  box.hidden = false;
  for (const input of box.querySelectorAll<HTMLInputElement>('input[data-mark-kind]')) {
    const kind = input.dataset['markKind'] ?? '';
    const sync = (): void => {
      text.classList.toggle(`off-${kind}`, !input.checked);
    };
    sync();
    input.addEventListener('change', sync);
  }
};

/** An evidence link opened the page at a marked span: bring it into view and focus it. */
export const focusEvidence = (): void => {
  const target = document.getElementById('evidence');
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
};
