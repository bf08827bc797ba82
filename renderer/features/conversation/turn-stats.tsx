import type { Turn } from '../../model/turn.ts';

const usd = (v: number | null) => (v === null ? 'unknown' : v < 0.01 ? `$${v.toFixed(5)}` : `$${v.toFixed(4)}`);
const secs = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);

/** This message's own figures: tokens, cost with its source, timings, and the estimate made before sending. */
export function TurnStats({ turn }: { turn: Turn }) {
  const r = turn.result;
  if (!r) {
    return turn.estimate ? (
      <div className="turn-stats muted">Estimate: {turn.estimate.prompt_tokens.toLocaleString()} prompt tokens · {usd(turn.estimate.usd)}</div>
    ) : null;
  }
  const u = r.usage;
  return (
    <dl className="turn-stats" aria-label="Message usage">
      <div><dt>Prompt</dt><dd>{u.prompt_tokens.toLocaleString()}{u.cached_tokens ? ` (${u.cached_tokens.toLocaleString()} cached)` : ''}</dd></div>
      {u.reasoning_tokens > 0 && <div><dt>Reasoning</dt><dd>{u.reasoning_tokens.toLocaleString()}</dd></div>}
      <div><dt>Answer</dt><dd>{(u.completion_tokens - u.reasoning_tokens).toLocaleString()}</dd></div>
      <div><dt>Cost</dt><dd title={`source: ${r.cost.source}`}>{usd(r.cost.usd)}{r.cost.usd !== null && <span className="muted"> ({r.cost.source})</span>}</dd></div>
      <div><dt>First token</dt><dd>{secs(r.timings.ttft_ms)}</dd></div>
      <div><dt>Total</dt><dd>{secs(r.timings.total_ms)}</dd></div>
      <div><dt>Estimated</dt><dd>{r.estimate.prompt_tokens.toLocaleString()} tok · {usd(r.estimate.usd)}</dd></div>
    </dl>
  );
}
