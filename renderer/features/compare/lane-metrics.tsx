import type { LaneMetrics } from '../../../shared/compare/verdict.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** A lane's figures, in the same order in every lane so they line up side by side. */
export function LaneMetricsView({ m, label }: { m: LaneMetrics; label: string }) {
  const { t } = useTranslation();
  const { seconds: secs, tokens: tok, usd } = useFigures();
  if (m.status === 'running') return null;
  return (
    <dl className="lane-metrics" aria-label={t('compare.figures', { label })}>
      <div>
        <dt>{t('compare.firstToken')}</dt>
        <dd>{secs(m.ttft_ms)}</dd>
      </div>
      <div>
        <dt>{t('compare.firstAnswer')}</dt>
        <dd>{secs(m.ttfa_ms)}</dd>
      </div>
      <div>
        <dt>{t('compare.total')}</dt>
        <dd>{secs(m.total_ms)}</dd>
      </div>
      <div>
        <dt>{t('compare.prompt')}</dt>
        <dd>{t('compare.tok', { tokens: tok(m.prompt_tokens) })}</dd>
      </div>
      <div>
        <dt>{t('compare.reasoning')}</dt>
        <dd>{t('compare.tok', { tokens: tok(m.reasoning_tokens) })}</dd>
      </div>
      <div>
        <dt>{t('compare.answer')}</dt>
        <dd>{t('compare.tok', { tokens: tok(m.answer_tokens) })}</dd>
      </div>
      <div className="metric-wide">
        <dt>{t('compare.cost')}</dt>
        <dd title={m.cost_source ? t('compare.source', { source: t(`stats.costSource.${m.cost_source}`) }) : undefined}>
          {usd(m.cost_usd)}
          {m.cost_usd !== null && m.cost_source && <span className="muted"> ({t(`stats.costSource.${m.cost_source}`)})</span>}
        </dd>
      </div>
      <div>
        <dt>{t('compare.boxes')}</dt>
        <dd>{m.boxes}</dd>
      </div>
    </dl>
  );
}
