/**
 * The window's translator: i18next with the two catalogs bundled (they are small, and a desktop app must not wait
 * on a network to show its labels). The language is the person's choice in Settings, or, by default, the first
 * language of the OS (Chromium's navigator.languages carries the OS locale in Electron) that Glimpse speaks.
 */
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { initReactI18next, Trans } from 'react-i18next';
import type { TFunction } from 'i18next';
import en from './locales/en.json';
import { LANGUAGES, type Language, languageFor } from '../../shared/messages/language.ts';
import { messageCatalog } from './message-catalog.ts';
import zhCN from './locales/zh-CN.json';

export { LANGUAGES, type Language, languageFor };
/** What Settings offers: a language, or whatever the OS uses. */
export type LanguageChoice = Language | 'system';

export function resolveLanguage(choice: LanguageChoice): Language {
  if (choice !== 'system') return choice;
  return languageFor(typeof navigator === 'undefined' ? [] : navigator.languages);
}

void i18next.use(initReactI18next).init({
  // `msg`: the host's message codes (shared/messages); their English is the shared table itself, merged in.
  resources: { en: { translation: { ...en, msg: messageCatalog() } }, 'zh-CN': { translation: zhCN } },
  lng: resolveLanguage('system'),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // React escapes what it renders; escaping here too would show &amp; to the reader.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** Switches the window's language and tells assistive technology (and the CJK font stacks) through <html lang>. */
export function applyLanguage(choice: LanguageChoice): Language {
  const lang = resolveLanguage(choice);
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return lang;
}

/** The locale that figures (numbers, money, dates) are written in: the UI's language. */
export function useLocale(): Language {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage as Language | undefined) ?? 'en';
}

/** A key's text in every language Glimpse speaks: for recognising what a person may have typed in any of them. */
export function inEveryLanguage(key: string): string[] {
  return LANGUAGES.map((lng) => i18next.getFixedT(lng)(key));
}

/** What a view translates with: `t` bound to the window's language, and the instance (for its resolved language). */
export interface Translation {
  t: TFunction;
  i18n: typeof i18next;
}

const subscribeLanguage = (changed: () => void) => {
  i18next.on('languageChanged', changed);
  return () => i18next.off('languageChanged', changed);
};
const currentLanguage = () => i18next.language;
const translations = new Map<string, Translation>();

/**
 * The window's translation, re-rendering the view when the language changes. One object per language, shared by
 * every view. react-i18next's hook of the same name also loads namespaces and suspends until they arrive, which
 * Glimpse (its catalogs built in) never needs; it paid for that on every render, copying the i18next instance's
 * properties for each newly mounted view: ~2 ms of the 12-15 ms the Send click spends mounting a turn.
 */
export function useTranslation(): Translation {
  const lng = useSyncExternalStore(subscribeLanguage, currentLanguage, currentLanguage);
  let tr = translations.get(lng);
  if (!tr) {
    tr = { t: i18next.getFixedT(lng), i18n: i18next };
    translations.set(lng, tr);
  }
  return tr;
}

export { i18next, Trans };
export const t = i18next.t.bind(i18next);
