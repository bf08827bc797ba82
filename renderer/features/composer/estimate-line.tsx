import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import { historyOf } from '../../model/history.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { composerEstimate } from '../../model/composer-estimate.ts';
import { contextFit, modelContext } from '../../model/context-warning.ts';
import { usePrice } from './use-price.ts';

const NO_HISTORY: string[] = [];

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
  const { t } = useTranslation();
  const f = useFigures();
  const context = useStore(modelContext);
  if (!prompt.trim() && attachments.length === 0) return null;
  const e = composerEstimate(attachments, budget, [prompt, ...history], price);
  const fit = contextFit(e.prompt_tokens, context);
  const detail = t('estimate.detail', {
    count: e.images,
    visual: f.tokens(e.imageTokens),
    text: f.tokens(e.prompt_tokens - e.imageTokens),
  });
  return (
    <p className="estimate-line" aria-label={t('estimate.label')} title={detail}>
      <span>{t('estimate.prompt', { tokens: f.tokens(e.prompt_tokens) })}</span>
      <span className="muted"> · {f.usd(e.usd, t('estimate.priceUnknown'))}</span>
      {e.images > 0 && <span className="muted"> · {t('estimate.images', { count: e.images })}</span>}
      {e.nativeClip && <span className="muted">{t('estimate.clip')}</span>}
      {fit.kind !== 'fits' && (
        <span className={`context-warning ${fit.kind}`} role="status">
          {' · '}
          {fit.kind === 'over'
            ? t('estimate.over', { context: f.tokens(fit.context) })
            : t('estimate.close', { context: f.tokens(fit.context) })}
        </span>
      )}
    </p>
  );
}
