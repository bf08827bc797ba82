/**
 * A compare lane's short name in the window's language. shared/compare/lanes.ts keeps the label as parts (mode,
 * provider, model, budget, parameter chips); this words each part through the catalog, with the parameter chips
 * as the playground words them and Local OCR's provider name translated. The CLI words the same parts in English.
 */
import { useMemo } from 'react';
import type { LaneLabel, LanePart } from '../../../shared/compare/lanes.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { type Names, useNames } from '../../i18n/names.ts';
import { paramWords } from '../playground/param-words.ts';

type T = ReturnType<typeof useTranslation>['t'];
type Words = ReturnType<typeof paramWords>;

/** The wording of one lane's label: `n` (0-based) names a lane that has no label (a turn from before compare). */
export type LaneLabelText = (label: LaneLabel | undefined, n: number) => string;

/** The wording for one translator (a function of its inputs, so tests can pick a language). */
export function laneLabelText(t: T, words: Pick<Words, 'chip'>, names: Pick<Names, 'provider'>): LaneLabelText {
  const part = (p: LanePart): string => {
    switch (p.kind) {
      case 'provider':
        return names.provider(p.name);
      case 'model':
        return p.model;
      case 'mode':
        return p.thinking ? t('compare.thinking') : t('compare.fast');
      case 'budget':
        return p.tokens ? t('compare.labelBudget', { tokens: p.tokens }) : t('compare.labelDefaultBudget');
      case 'params':
        return p.chips.map(words.chip).join(' ');
      case 'defaults':
        return t('compare.labelDefaults');
    }
  };
  return (label, n) => {
    if (!label) return t('compare.lane', { n: n + 1 });
    const s = label.parts.map(part).join(' · ');
    if (!label.lane) return s;
    return s ? t('compare.laneWith', { n: label.lane, label: s }) : t('compare.lane', { n: label.lane });
  };
}

export function useLaneLabelText(): LaneLabelText {
  const { t } = useTranslation();
  const f = useFigures();
  const names = useNames();
  return useMemo(() => laneLabelText(t, paramWords(t, f), names), [t, f, names]);
}
