import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

/** What Estimate found: files, images and pages; what is skipped or unreadable and why; tokens and the cost range. */
export function BatchPlanSummary() {
  const plan = useStore((s) => s.batchPlan);
  const { t } = useTranslation();
  const f = useFigures();
  if (!plan) return null;
  const { found, estimate: e } = plan;
  const parts = [t('batch.files', { count: found.files }), t('batch.images', { count: found.images })];
  if (found.pdfs) parts.push(t('batch.pdfs', { count: found.pdfs, pages: f.tokens(found.pages) }));
  const problems = [
    ...plan.skipped.map((p) => ({ ...p, label: t('batch.skipped') })),
    ...plan.failed.map((p) => ({ ...p, label: t('batch.unreadable') })),
  ];
  return (
    <section className="batch-plan" aria-label={t('batch.estimateLabel')}>
      <p>
        <strong>{parts.join(' · ')}</strong>
        {plan.resumed && <span className="muted"> · {t('batch.resumed')}</span>}
      </p>
      <p>
        {t('batch.promptTokens', { tokens: f.tokens(e.prompt_tokens) })} ·{' '}
        {e.usd_low === null || e.usd_high === null
          ? t('batch.costUnknown')
          : t('batch.cost', { low: f.usd(e.usd_low), high: f.usd(e.usd_high) })}
      </p>
      {/* The host's own account of how the completion side was guessed (history or stated defaults). */}
      <p className="muted">{t('batch.completionBasis', { basis: e.completion.basis })}</p>
      {problems.length > 0 && (
        <details>
          <summary>{t('batch.problems', { count: problems.length })}</summary>
          <ul className="batch-problems">
            {problems.map((p) => (
              <li key={`${p.label}:${p.path}`}>
                {p.label}: <code>{p.path}</code> — {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
