import { useMemo } from 'react';
import type { LedgerRow, SplitTotals } from '../../../shared/bridge/usage.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { hostText } from '../../i18n/host-text.ts';
import { useStore } from '../../store/index.ts';
import { rowError } from './row-error.ts';
import { TallyScope } from './tally-scope.tsx';
import './usage.css';

/** The last request as totals of one, so "This message" reads like the other scopes. */
function fromRow(r: LedgerRow | null): SplitTotals | null {
  if (!r) return null;
  const one = {
    requests: 1,
    prompt_tokens: r.prompt_tokens,
    completion_tokens: r.completion_tokens,
    reasoning_tokens: r.reasoning_tokens,
    cached_tokens: r.cached_tokens,
    cost_usd: r.cost_usd ?? 0,
    unknown_cost_requests: r.cost_usd === null ? 1 : 0,
  };
  return { ...one, by_mode: { [r.mode]: one }, by_provider: { [r.provider]: one } };
}

/** The running tally, always in view: this message, this session, today, all time. */
export function UsageTally({ onOpenDetails }: { onOpenDetails: () => void }) {
  const tally = useStore((s) => s.tally);
  const error = useStore((s) => s.tallyError);
  const { t } = useTranslation();
  const last = useMemo(() => fromRow(tally?.last ?? null), [tally]);
  // A last request that failed says why, in the window's language (from the row's message code).
  const lastError = tally?.last ? rowError(tally.last) : null;
  return (
    <section className="usage-tally" aria-label={t('usage.label')}>
      <div className="tally-row">
        <TallyScope
          label={t('usage.thisMessage')}
          totals={last}
          note={lastError ? t('usage.lastFailed', { error: hostText(lastError) }) : null}
        />
        <TallyScope label={t('usage.thisSession')} totals={tally?.session ?? null} />
        <TallyScope label={t('usage.today')} totals={tally?.today ?? null} />
        <TallyScope label={t('usage.allTime')} totals={tally?.all ?? null} />
        <button type="button" className="link tally-details" onClick={onOpenDetails}>
          {t('usage.details')}
        </button>
        {(tally?.storage_error || error) && (
          <p className="tally-error" role="alert">
            {tally?.storage_error ? hostText(tally.storage_error) : error}
          </p>
        )}
      </div>
    </section>
  );
}
