import type { ModeAverages } from '../../../shared/bridge/usage.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useUsageFormat } from './format.ts';

/** Thinking and fast side by side: what one request costs on average in each mode. */
export function ModeComparison({ modes }: { modes: ModeAverages[] }) {
  const { t } = useTranslation();
  const { int, seconds, usd } = useUsageFormat();
  return (
    <section className="mode-comparison" aria-label={t('usage.thinkingVsFast')}>
      <h3>{t('usage.perRequest')}</h3>
      <div className="mode-cards">
        {modes.map((m) => (
          <div
            key={m.mode}
            className={`mode-card ${m.mode}`}
            role="group"
            aria-label={m.mode === 'thinking' ? t('usage.thinking') : t('usage.fast')}
          >
            <h4>
              {m.mode === 'thinking' ? t('usage.thinking') : t('usage.fast')}{' '}
              <span className="muted">{t('usage.requests', { count: m.requests, n: int(m.requests) })}</span>
            </h4>
            {m.requests === 0 ? (
              <p className="muted small">{t('usage.noRequestsMode')}</p>
            ) : (
              <dl>
                <div>
                  <dt>{t('usage.prompt')}</dt>
                  <dd>{t('usage.tok', { tokens: int(m.avg_prompt_tokens) })}</dd>
                </div>
                <div>
                  <dt>{t('usage.reasoning')}</dt>
                  <dd>{t('usage.tok', { tokens: int(m.avg_reasoning_tokens) })}</dd>
                </div>
                <div>
                  <dt>{t('usage.answer')}</dt>
                  <dd>{t('usage.tok', { tokens: int(m.avg_completion_tokens - m.avg_reasoning_tokens) })}</dd>
                </div>
                <div>
                  <dt>{t('usage.cost')}</dt>
                  <dd>{usd(m.avg_cost_usd)}</dd>
                </div>
                <div>
                  <dt>{t('usage.time')}</dt>
                  <dd>{seconds(m.avg_total_ms)}</dd>
                </div>
              </dl>
            )}
            {/* From the compare verdicts people marked (issue #7): how often this mode's lane was the better one. */}
            <p
              className="small"
              aria-label={t('usage.preferredLabel', { mode: m.mode === 'thinking' ? t('usage.thinking') : t('usage.fast') })}
            >
              {m.marked_compares === 0 ? (
                <span className="muted">{t('usage.noMarked')}</span>
              ) : (
                t('usage.preferred', { count: m.marked_compares, preferred: int(m.preferred), n: int(m.marked_compares) })
              )}
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}
