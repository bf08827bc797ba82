import type { LaneMetrics } from '../../../shared/compare/verdict.ts';
import { formatSeconds as secs, formatTokens as tok, formatUsd as usd } from '../../../shared/format/figures.ts';

/** A lane's figures, in the same order in every lane so they line up side by side. */
export function LaneMetricsView({ m, label }: { m: LaneMetrics; label: string }) {
  if (m.status === 'running') return null;
  return (
    <dl className="lane-metrics" aria-label={`${label} figures`}>
      <div>
        <dt>First token</dt>
        <dd>{secs(m.ttft_ms)}</dd>
      </div>
      <div>
        <dt>First answer token</dt>
        <dd>{secs(m.ttfa_ms)}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd>{secs(m.total_ms)}</dd>
      </div>
      <div>
        <dt>Prompt</dt>
        <dd>{tok(m.prompt_tokens)} tok</dd>
      </div>
      <div>
        <dt>Reasoning</dt>
        <dd>{tok(m.reasoning_tokens)} tok</dd>
      </div>
      <div>
        <dt>Answer</dt>
        <dd>{tok(m.answer_tokens)} tok</dd>
      </div>
      <div className="metric-wide">
        <dt>Cost</dt>
        <dd title={m.cost_source ? `source: ${m.cost_source}` : undefined}>
          {usd(m.cost_usd)}
          {m.cost_usd !== null && m.cost_source && <span className="muted"> ({m.cost_source})</span>}
        </dd>
      </div>
      <div>
        <dt>Boxes</dt>
        <dd>{m.boxes}</dd>
      </div>
    </dl>
  );
}
