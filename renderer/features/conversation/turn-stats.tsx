import { formatSeconds as secs, formatTokens as tok, formatUsd as usd } from '../../../shared/format/figures.ts';
import { memo } from 'react';
import type { ChatResult, Estimate } from '../../../shared/engine/types.ts';

/** This message's own figures: tokens, cost with its source, timings, and the estimate made before sending. */
export const TurnStats = memo(function TurnStats({
  result: r,
  estimate,
}: {
  result: ChatResult | null;
  estimate: Estimate | null;
}) {
  if (!r) {
    return estimate ? (
      <div className="turn-stats muted">
        Estimate: {tok(estimate.prompt_tokens)} prompt tokens · {usd(estimate.usd)}
      </div>
    ) : null;
  }
  const u = r.usage;
  return (
    <dl className="turn-stats" aria-label="Message usage">
      <div>
        <dt>Prompt</dt>
        <dd>
          {tok(u.prompt_tokens)}
          {u.cached_tokens ? ` (${tok(u.cached_tokens)} cached)` : ''}
        </dd>
      </div>
      {u.reasoning_tokens > 0 && (
        <div>
          <dt>Reasoning</dt>
          <dd>{tok(u.reasoning_tokens)}</dd>
        </div>
      )}
      <div>
        <dt>Answer</dt>
        <dd>{tok(u.completion_tokens - u.reasoning_tokens)}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd title={`source: ${r.cost.source}`}>
          {usd(r.cost.usd)}
          {r.cost.usd !== null && <span className="muted"> ({r.cost.source})</span>}
        </dd>
      </div>
      <div>
        <dt>First token</dt>
        <dd>{secs(r.timings.ttft_ms)}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd>{secs(r.timings.total_ms)}</dd>
      </div>
      <div>
        <dt>Estimated</dt>
        <dd>
          {tok(r.estimate.prompt_tokens)} tok · {usd(r.estimate.usd)}
        </dd>
      </div>
    </dl>
  );
});
