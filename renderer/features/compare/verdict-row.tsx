import type { Verdict } from '../../../shared/compare/verdict.ts';
import { hostText } from '../../i18n/host-text.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { WordDiff } from './word-diff.tsx';

/**
 * Under the lanes: how much longer and costlier one lane was, whether the answers agree (with a word diff where
 * they do not) and how the boxes overlap. Shown once at least two lanes finished without an error.
 */
export function VerdictRow({ verdict, running, markError }: { verdict: Verdict; running: number; markError: string | null }) {
  const { t } = useTranslation();
  const failed = verdict.lanes.filter((l) => l.status === 'error' || l.status === 'cancelled');
  return (
    <section className="verdict-row" aria-label={t('compare.verdict')} aria-live="polite">
      <h4>{t('compare.verdict')}</h4>
      {verdict.pairs.length === 0 ? (
        <p className="muted">{running > 0 ? t('compare.waitingLanes') : t('compare.nothing')}</p>
      ) : (
        <ul>
          {verdict.messages.map((s, i) => (
            <li key={i}>{hostText(s)}</li>
          ))}
        </ul>
      )}
      {running > 0 && verdict.pairs.length > 0 && <p className="muted small">{t('compare.stillRunning', { count: running })}</p>}
      {failed.length > 0 && (
        <p className="muted small">
          {t('compare.leftOut', {
            list: failed
              .map((l) => t(l.status === 'error' ? 'compare.failed' : 'compare.stoppedLane', { label: l.label }))
              .join(', '),
          })}
        </p>
      )}
      {verdict.pairs
        .filter((p) => !p.answers.agree)
        .map((p) =>
          p.answers.too_different ? (
            <p key={`${p.a}-${p.b}`} className="muted small">
              {t('compare.tooDifferent', { a: verdict.lanes[p.a].label, b: verdict.lanes[p.b].label })}
            </p>
          ) : (
            <WordDiff key={`${p.a}-${p.b}`} parts={p.answers.diff} a={verdict.lanes[p.a].label} b={verdict.lanes[p.b].label} />
          ),
        )}
      {markError && (
        <p className="error-text" role="alert">
          {t('compare.markFailed', { message: markError })}
        </p>
      )}
    </section>
  );
}
