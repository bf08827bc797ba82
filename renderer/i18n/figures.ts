/** Figures in the UI's language: the one formatting module (shared/format/figures.ts) bound to the chosen locale. */
import { useMemo } from 'react';
import { type Figures, figuresFor } from '../../shared/format/figures.ts';
import { useLocale, useTranslation } from './i18n.ts';

export function useFigures(): Figures {
  const locale = useLocale();
  const { t } = useTranslation();
  return useMemo(() => {
    const f = figuresFor(locale);
    // An unknown cost is a word, so it is the catalog's: never "$0", never English in a Chinese window.
    const unknown = t('figures.unknown');
    return { ...f, usd: (v: number | null, word?: string) => f.usd(v, word ?? unknown) };
  }, [locale, t]);
}
