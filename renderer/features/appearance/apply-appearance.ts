/**
 * Puts the stored appearance on the page: the language (i18next and <html lang>) and the theme (<html
 * data-theme>, which styles.css reads). "Follow the system" leaves data-theme unset for the CSS media query and
 * re-reads the OS language when the window regains focus.
 */
import type { Appearance } from '../../../shared/bridge/appearance.ts';
import { applyLanguage } from '../../i18n/i18n.ts';

let current: Appearance = { language: 'system', theme: 'system' };

export function applyAppearance(a: Appearance): void {
  current = a;
  applyLanguage(a.language);
  const root = document.documentElement;
  if (a.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = a.theme;
}

export const currentAppearance = (): Appearance => current;

// The OS language can change while Glimpse runs (Chromium updates navigator.languages and fires this event).
if (typeof window !== 'undefined') {
  window.addEventListener('languagechange', () => {
    if (current.language === 'system') applyLanguage('system');
  });
}
