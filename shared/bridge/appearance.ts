/**
 * How the window looks and speaks: its language and its theme. Kept by the host (not in the window's storage) so
 * the Electron shell can paint the window's background in the right colour before the page loads, and so the
 * browser shell on a new port remembers it too.
 */

export const LANGUAGE_CHOICES = ['system', 'en', 'zh-CN'] as const;
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;

export interface Appearance {
  /** `system`: the OS's language when Glimpse speaks it, else English. */
  language: (typeof LANGUAGE_CHOICES)[number];
  /** `system`: follows the OS's light or dark setting, live. */
  theme: (typeof THEME_CHOICES)[number];
}

export const DEFAULT_APPEARANCE: Appearance = { language: 'system', theme: 'system' };

/** The window's background before any page is painted, per resolved theme (the same colours as styles.css). */
export const WINDOW_BACKGROUND = { light: '#f7f7f8', dark: '#15161a' } as const;

export interface AppearanceApi {
  getAppearance(): Promise<Appearance>;
  /** Stores the choice (both fields) and returns it as stored. */
  setAppearance(a: Appearance): Promise<Appearance>;
}

export const appearanceMethods = ['getAppearance', 'setAppearance'] as const;
