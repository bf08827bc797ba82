import type { LaneMetrics } from '../../../shared/compare/verdict.ts';

const usd = (v: number | null) => (v === null ? 'unknown' : v < 0.01 ? `$${v.toFixed(5)}` : `$${v.toFixed(4)}`);
const secs = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);

/** A lane's figures, in the same order in every lane so they line up side by side. */
export function LaneMetricsView({ m, label }: { m: LaneMetrics; label: string }) {
  if (m.status === 'running') return null;
  return (
    <dl className="lane-metrics" aria-label={`${label} figures`}>
      <div><dt>First token</dt><dd>{secs(m.ttft_ms)}</dd></div>
      <div><dt>First answer token</dt><dd>{secs(m.ttfa_ms)}</dd></div>
      <div><dt>Total</dt><dd>{secs(m.total_ms)}</dd></div>
      <div><dt>Prompt</dt><dd>{m.prompt_tokens.toLocaleString()} tok</dd></div>
      <div><dt>Reasoning</dt><dd>{m.reasoning_tokens.toLocaleString()} tok</dd></div>
      <div><dt>Answer</dt><dd>{m.answer_tokens.toLocaleString()} tok</dd></div>
      <div className="metric-wide">
        <dt>Cost</dt>
        <dd title={m.cost_source ? `source: ${m.cost_source}` : undefined}>
          {usd(m.cost_usd)}
          {m.cost_usd !== null && m.cost_source && <span className="muted"> ({m.cost_source})</span>}
        </dd>
      </div>
      <div><dt>Boxes</dt><dd>{m.boxes}</dd></div>
    </dl>
  );
}
