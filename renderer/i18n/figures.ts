/** Figures in the UI's language: the one formatting module (shared/format/figures.ts) bound to the chosen locale. */
import { useMemo } from 'react';
import { type Figures, figuresFor } from '../../shared/format/figures.ts';
import { useLocale } from './i18n.ts';

export function useFigures(): Figures {
  const locale = useLocale();
  return useMemo(() => figuresFor(locale), [locale]);
}
