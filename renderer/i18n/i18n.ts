/**
 * The window's translator: i18next with the two catalogs bundled (they are small, and a desktop app must not wait
 * on a network to show its labels). The language is the person's choice in Settings, or, by default, the first
 * language of the OS (Chromium's navigator.languages carries the OS locale in Electron) that Glimpse speaks.
 */
import i18next from 'i18next';
import { initReactI18next, Trans, useTranslation } from 'react-i18next';
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

export { i18next, Trans, useTranslation };
export const t = i18next.t.bind(i18next);
