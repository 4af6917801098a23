import { installKeyboard } from './keyboard.js';
import { localiseDates } from './local-dates.js';
import { focusEvidence, installMarkToggles } from './mark-toggles.js';
import { installSearchBrush } from './search-brush.js';
import { installThemeToggle } from './theme.js';

/**
 * Every page is complete without this file (server-rendered); it only adds: local dates, the
 * theme switch, keyboard moves, highlight switches, the evidence focus and the search brush.
 */
const start = (): void => {
  installThemeToggle();
  localiseDates();
  installKeyboard();
  installMarkToggles();
  focusEvidence();
  try {
    installSearchBrush();
  } finally {
    document.body.setAttribute('data-ready', 'true');
  }
};

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
