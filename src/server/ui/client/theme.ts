/** Light or dark: the system's choice unless the reader picked one (kept in localStorage). */
const KEY = 'sitrep.theme';

const systemDark = (): boolean => window.matchMedia('(prefers-color-scheme: dark)').matches;

const apply = (theme: 'light' | 'dark', button: HTMLButtonElement): void => {
  document.documentElement.setAttribute('data-theme', theme);
  button.setAttribute('aria-pressed', String(theme === 'dark'));
  button.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
};

export const installThemeToggle = (): void => {
  const button = document.getElementById('theme-toggle') as HTMLButtonElement | null;
  if (!button) return;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // storage can be disabled; the system theme then applies
  }
  let theme: 'light' | 'dark' =
    stored === 'dark' || stored === 'light' ? stored : systemDark() ? 'dark' : 'light';
  apply(theme, button);
  button.hidden = false;
  button.addEventListener('click', () => {
    theme = theme === 'dark' ? 'light' : 'dark';
    apply(theme, button);
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // not kept across visits then
    }
  });
};
