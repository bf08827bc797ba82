import type { UsageTotals } from '../../../shared/bridge/usage.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useUsageFormat } from './format.ts';

/** Tokens by kind and cost for one set of requests, as a definition list. */
export function TotalsBreakdown({ t }: { t: UsageTotals }) {
  const { t: tr } = useTranslation();
  const { costOf, int, unknownPhrase } = useUsageFormat();
  return (
    <>
      <dl className="totals-breakdown">
        <div>
          <dt>{tr('usage.requests')}</dt>
          <dd>{int(t.requests)}</dd>
        </div>
        <div>
          <dt>{tr('usage.prompt')}</dt>
          <dd>{int(t.prompt_tokens)}</dd>
        </div>
        <div>
          <dt>{tr('usage.cached')}</dt>
          <dd>{int(t.cached_tokens)}</dd>
        </div>
        <div>
          <dt>{tr('usage.reasoning')}</dt>
          <dd>{int(t.reasoning_tokens)}</dd>
        </div>
        <div>
          <dt>{tr('usage.answer')}</dt>
          <dd>{int(t.completion_tokens - t.reasoning_tokens)}</dd>
        </div>
        <div>
          <dt>{tr('usage.cost')}</dt>
          <dd>{costOf(t)}</dd>
        </div>
      </dl>
      {t.unknown_cost_requests > 0 && <p className="unknown-note">{unknownPhrase(t.unknown_cost_requests)}</p>}
    </>
  );
}
