import { useEffect, useState } from 'react';
import { DEFAULT_BUDGET, MAX_BUDGET, MIN_BUDGET } from '../../../shared/media/budget.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

/**
 * Visual tokens per image (one per 28x28 px patch sent): lower is cheaper and faster, higher reads small print.
 * Typed values are kept as typed until they leave the field, then clamped to 256..16,384.
 */
export function BudgetControl() {
  const budget = useStore((s) => s.budget);
  const setBudget = useStore((s) => s.setBudget);
  const [text, setText] = useState(String(budget));
  const { t } = useTranslation();
  const f = useFigures();
  useEffect(() => setText(String(budget)), [budget]);
  const commit = () => {
    const n = Number(text);
    if (Number.isFinite(n) && n > 0) setBudget(n);
    else setText(String(budget));
  };
  return (
    <label
      className="budget-control"
      title={t('budget.title', { min: f.tokens(MIN_BUDGET), max: f.tokens(MAX_BUDGET), def: f.tokens(DEFAULT_BUDGET) })}
    >
      <span className="label-text">{t('budget.label')}</span>
      <input
        type="number"
        min={MIN_BUDGET}
        max={MAX_BUDGET}
        step={256}
        value={text}
        aria-label={t('budget.label')}
        onChange={(e) => {
          setText(e.target.value);
          // Spinner clicks and arrow keys give in-range values: apply them at once so thumbnails follow.
          const n = Number(e.target.value);
          if (n >= MIN_BUDGET && n <= MAX_BUDGET) setBudget(n);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          commit();
        }}
      />
    </label>
  );
}
