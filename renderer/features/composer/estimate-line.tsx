import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import { historyOf } from '../../model/history.ts';
import { formatUsd } from '../../../shared/format/figures.ts';
import { composerEstimate } from '../../model/composer-estimate.ts';
import { contextFit, modelContext } from '../../model/context-warning.ts';
import { usePrice } from './use-price.ts';

const NO_HISTORY: string[] = [];
const usd = (v: number | null) => formatUsd(v, { unknown: 'price unknown' });

/** The prompt tokens and cost this request will have, live as the prompt, attachments and budget change. */
export function EstimateLine() {
  const { attachments, budget, prompt } = useStore(
    useShallow((s) => ({ attachments: s.attachments, budget: s.budget, prompt: s.prompt })),
  );
  // Exactly the history send() will carry (a compare contributes one lane, not all of them).
  // Only while there is something to estimate: else a streaming answer would re-render this line on every delta.
  const history = useStore(
    useShallow((s) =>
      s.prompt.trim() || s.attachments.length ? historyOf(s.turns, s.comparePreferred).map((h) => h.text) : NO_HISTORY,
    ),
  );
  const price = usePrice();
  const context = useStore(modelContext);
  if (!prompt.trim() && attachments.length === 0) return null;
  const e = composerEstimate(attachments, budget, [prompt, ...history], price);
  const fit = contextFit(e.prompt_tokens, context);
  const detail = `${e.images} image${e.images === 1 ? '' : 's'}: ${e.imageTokens.toLocaleString()} visual tokens; text and labels: ${(e.prompt_tokens - e.imageTokens).toLocaleString()}`;
  return (
    <p className="estimate-line" aria-label="Estimate" title={detail}>
      <span>≈ {e.prompt_tokens.toLocaleString()} prompt tokens</span>
      <span className="muted"> · {usd(e.usd)}</span>
      {e.images > 0 && (
        <span className="muted">
          {' '}
          · {e.images} image{e.images === 1 ? '' : 's'}
        </span>
      )}
      {e.nativeClip && <span className="muted"> · plus the clip, counted by the provider</span>}
      {fit.kind !== 'fits' && (
        <span className={`context-warning ${fit.kind}`} role="status">
          {' · '}
          {fit.kind === 'over'
            ? `over the model's ${fit.context.toLocaleString()}-token context: Send will refuse it; pick fewer pages or frames, or lower the budget`
            : `close to the model's ${fit.context.toLocaleString()}-token context, little room is left for the answer`}
        </span>
      )}
    </p>
  );
}
