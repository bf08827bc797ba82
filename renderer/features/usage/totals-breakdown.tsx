import type { UsageTotals } from '../../../shared/bridge/usage.ts';
import { costOf, int, unknownPhrase } from './format.ts';

/** Tokens by kind and cost for one set of requests, as a definition list. */
export function TotalsBreakdown({ t }: { t: UsageTotals }) {
  return (
    <>
      <dl className="totals-breakdown">
        <div>
          <dt>Requests</dt>
          <dd>{int(t.requests)}</dd>
        </div>
        <div>
          <dt>Prompt</dt>
          <dd>{int(t.prompt_tokens)}</dd>
        </div>
        <div>
          <dt>Cached</dt>
          <dd>{int(t.cached_tokens)}</dd>
        </div>
        <div>
          <dt>Reasoning</dt>
          <dd>{int(t.reasoning_tokens)}</dd>
        </div>
        <div>
          <dt>Answer</dt>
          <dd>{int(t.completion_tokens - t.reasoning_tokens)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{costOf(t)}</dd>
        </div>
      </dl>
      {t.unknown_cost_requests > 0 && <p className="unknown-note">{unknownPhrase(t.unknown_cost_requests)}</p>}
    </>
  );
}
