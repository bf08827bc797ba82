import { memo } from 'react';
import type { ChatResult, Estimate } from '../../../shared/engine/types.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** This message's own figures: tokens, cost with its source, timings, and the estimate made before sending. */
export const TurnStats = memo(function TurnStats({
  result: r,
  estimate,
}: {
  result: ChatResult | null;
  estimate: Estimate | null;
}) {
  const { t } = useTranslation();
  const { tokens: tok, usd, seconds: secs } = useFigures();
  if (!r) {
    return estimate ? (
      <div className="turn-stats muted">
        {t('stats.estimate', { tokens: tok(estimate.prompt_tokens), cost: usd(estimate.usd) })}
      </div>
    ) : null;
  }
  const u = r.usage;
  return (
    <dl className="turn-stats" aria-label={t('stats.label')}>
      <div>
        <dt>{t('stats.prompt')}</dt>
        <dd>
          {tok(u.prompt_tokens)}
          {u.cached_tokens ? t('stats.cached', { tokens: tok(u.cached_tokens) }) : ''}
        </dd>
      </div>
      {u.reasoning_tokens > 0 && (
        <div>
          <dt>{t('stats.reasoning')}</dt>
          <dd>{tok(u.reasoning_tokens)}</dd>
        </div>
      )}
      <div>
        <dt>{t('stats.answer')}</dt>
        <dd>{tok(u.completion_tokens - u.reasoning_tokens)}</dd>
      </div>
      <div>
        <dt>{t('stats.cost')}</dt>
        <dd title={t('stats.source', { source: t(`stats.costSource.${r.cost.source}`) })}>
          {usd(r.cost.usd)}
          {r.cost.usd !== null && <span className="muted"> ({t(`stats.costSource.${r.cost.source}`)})</span>}
        </dd>
      </div>
      <div>
        <dt>{t('stats.firstToken')}</dt>
        <dd>{secs(r.timings.ttft_ms)}</dd>
      </div>
      <div>
        <dt>{t('stats.total')}</dt>
        <dd>{secs(r.timings.total_ms)}</dd>
      </div>
      <div>
        <dt>{t('stats.estimated')}</dt>
        <dd>{t('stats.estimatedValue', { tokens: tok(r.estimate.prompt_tokens), cost: usd(r.estimate.usd) })}</dd>
      </div>
    </dl>
  );
});
