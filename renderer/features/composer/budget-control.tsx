import { useEffect, useState } from 'react';
import { DEFAULT_BUDGET, MAX_BUDGET, MIN_BUDGET } from '../../../shared/media/budget.ts';
import { useStore } from '../../store/index.ts';

/**
 * Visual tokens per image (one per 28x28 px patch sent): lower is cheaper and faster, higher reads small print.
 * Typed values are kept as typed until they leave the field, then clamped to 256..16,384.
 */
export function BudgetControl() {
  const budget = useStore((s) => s.budget);
  const setBudget = useStore((s) => s.setBudget);
  const [text, setText] = useState(String(budget));
  useEffect(() => setText(String(budget)), [budget]);
  const commit = () => {
    const n = Number(text);
    if (Number.isFinite(n) && n > 0) setBudget(n);
    else setText(String(budget));
  };
  return (
    <label
      className="budget-control"
      title={`Visual tokens per image, ${MIN_BUDGET.toLocaleString()} to ${MAX_BUDGET.toLocaleString()} (default ${DEFAULT_BUDGET.toLocaleString()})`}
    >
      <span className="label-text">Tokens per image</span>
      <input
        type="number"
        min={MIN_BUDGET}
        max={MAX_BUDGET}
        step={256}
        value={text}
        aria-label="Tokens per image"
        onChange={(e) => {
          setText(e.target.value);
          // Spinner clicks and arrow keys give in-range values: apply them at once so thumbnails follow.
          const n = Number(e.target.value);
          if (n >= MIN_BUDGET && n <= MAX_BUDGET) setBudget(n);
        }}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commit())}
      />
    </label>
  );
}
