import type { ModeAverages } from '../../../shared/bridge/usage.ts';
import { int, seconds, usd } from './format.ts';

/** Thinking and fast side by side: what one request costs on average in each mode. */
export function ModeComparison({ modes }: { modes: ModeAverages[] }) {
  return (
    <section className="mode-comparison" aria-label="Thinking vs fast">
      <h3>Thinking vs fast, per request</h3>
      <div className="mode-cards">
        {modes.map((m) => (
          <div
            key={m.mode}
            className={`mode-card ${m.mode}`}
            role="group"
            aria-label={m.mode === 'thinking' ? 'Thinking' : 'Fast'}
          >
            <h4>
              {m.mode === 'thinking' ? 'Thinking' : 'Fast'}{' '}
              <span className="muted">
                ({int(m.requests)} {m.requests === 1 ? 'request' : 'requests'})
              </span>
            </h4>
            {m.requests === 0 ? (
              <p className="muted small">No requests in this mode.</p>
            ) : (
              <dl>
                <div>
                  <dt>Prompt</dt>
                  <dd>{int(m.avg_prompt_tokens)} tok</dd>
                </div>
                <div>
                  <dt>Reasoning</dt>
                  <dd>{int(m.avg_reasoning_tokens)} tok</dd>
                </div>
                <div>
                  <dt>Answer</dt>
                  <dd>{int(m.avg_completion_tokens - m.avg_reasoning_tokens)} tok</dd>
                </div>
                <div>
                  <dt>Cost</dt>
                  <dd>{usd(m.avg_cost_usd)}</dd>
                </div>
                <div>
                  <dt>Time</dt>
                  <dd>{seconds(m.avg_total_ms)}</dd>
                </div>
              </dl>
            )}
            {/* From the compare verdicts people marked (issue #7): how often this mode's lane was the better one. */}
            <p className="small" aria-label={`${m.mode === 'thinking' ? 'Thinking' : 'Fast'} preferred`}>
              {m.marked_compares === 0 ? (
                <span className="muted">No marked compares yet.</span>
              ) : (
                <>
                  Preferred in {int(m.preferred)} of {int(m.marked_compares)} marked{' '}
                  {m.marked_compares === 1 ? 'compare' : 'compares'}
                </>
              )}
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}
