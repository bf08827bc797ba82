/**
 * Names that come from the catalog in English, shown in the window's language: Local OCR's provider name (while
 * the person has not renamed it) and its "models", which are Tesseract language codes (`eng`, `chi_sim`,
 * `eng+chi_sim`) named through Intl.DisplayNames. Chat models keep their ids: people know them by those.
 */
import { useMemo } from 'react';
import { catalogEntry, LOCAL_OCR } from '../../shared/providers/catalog.ts';
import { useLocale, useTranslation } from './i18n.ts';

/** Tesseract's language codes as BCP 47 tags, for the ones Glimpse ships (and the traditional script beside). */
const TESSERACT_TAGS: Record<string, string> = { eng: 'en', chi_sim: 'zh-Hans', chi_tra: 'zh-Hant' };

export interface Names {
  /** The provider's name as shown: translated when it is Local OCR's catalog name. */
  provider(name: string): string;
  /** The model as shown for a provider of this catalog id: Local OCR's language codes become language names. */
  model(catalogId: string, model: string): string;
  /** A catalog entry's name in the kind picker: words ("Custom server") in the window's language, brands as they are. */
  kind(catalogId: string, name: string): string;
  /** Whether a turn's stored provider name is Local OCR's, for turns that keep only the name. */
  isLocalOcrName(name: string): boolean;
  /** A turn's provider and model as shown, from what a turn keeps (the provider's name, not its catalog id). */
  turn(t: { providerName: string; model: string }): { provider: string; model: string; ocr: boolean };
}

/** The names for a locale; `localOcrName` is Local OCR's name in that locale (from the catalog of strings). */
export function namesFor(locale: string, localOcrName: string, kindNames: Readonly<Record<string, string>> = {}): Names {
  const ocrName = catalogEntry(LOCAL_OCR).name;
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const languageName = (code: string) => {
    const tag = TESSERACT_TAGS[code];
    return tag ? (languages.of(tag) ?? code) : code;
  };
  const provider = (name: string) => (name === ocrName ? localOcrName : name);
  const model = (catalogId: string, m: string) => (catalogId === LOCAL_OCR ? m.split('+').map(languageName).join(' + ') : m);
  return {
    provider,
    model,
    isLocalOcrName: (name) => name === ocrName,
    kind: (catalogId, name) => (catalogId === LOCAL_OCR ? localOcrName : (kindNames[catalogId] ?? name)),
    turn: (t) => {
      const ocr = t.providerName === ocrName;
      return { provider: provider(t.providerName), model: ocr ? model(LOCAL_OCR, t.model) : t.model, ocr };
    },
  };
}

export function useNames(): Names {
  const locale = useLocale();
  const { t } = useTranslation();
  return useMemo(
    () => namesFor(locale, t('names.localOcr'), { custom: t('names.custom'), llamacpp: t('names.llamacpp') }),
    [locale, t],
  );
}
