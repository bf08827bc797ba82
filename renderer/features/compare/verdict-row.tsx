import type { Verdict } from '../../../shared/compare/verdict.ts';
import { WordDiff } from './word-diff.tsx';

/**
 * Under the lanes: how much longer and costlier one lane was, whether the answers agree (with a word diff where
 * they do not) and how the boxes overlap. Shown once at least two lanes finished without an error.
 */
export function VerdictRow({ verdict, running, markError }: { verdict: Verdict; running: number; markError: string | null }) {
  const failed = verdict.lanes.filter((l) => l.status === 'error' || l.status === 'cancelled');
  return (
    <section className="verdict-row" aria-label="Verdict" aria-live="polite">
      <h4>Verdict</h4>
      {verdict.pairs.length === 0 ? (
        <p className="muted">
          {running > 0 ? 'Waiting for the lanes to finish…' : 'Fewer than two lanes finished, so there is nothing to compare.'}
        </p>
      ) : (
        <ul>
          {verdict.summary.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
      {running > 0 && verdict.pairs.length > 0 && <p className="muted small">{running} lane(s) still running.</p>}
      {failed.length > 0 && (
        <p className="muted small">
          Left out: {failed.map((l) => `${l.label} (${l.status === 'error' ? 'failed' : 'stopped'})`).join(', ')}.
        </p>
      )}
      {verdict.pairs
        .filter((p) => !p.answers.agree)
        .map((p) =>
          p.answers.too_different ? (
            <p key={`${p.a}-${p.b}`} className="muted small">
              {verdict.lanes[p.a].label} and {verdict.lanes[p.b].label} differ too much for a word diff.
            </p>
          ) : (
            <WordDiff key={`${p.a}-${p.b}`} parts={p.answers.diff} a={verdict.lanes[p.a].label} b={verdict.lanes[p.b].label} />
          ),
        )}
      {markError && (
        <p className="error-text" role="alert">
          The mark was not saved: {markError}
        </p>
      )}
    </section>
  );
}
