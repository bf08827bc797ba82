import { memo, useMemo } from 'react';
import type { LaneMetrics } from '../../../shared/compare/verdict.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useNames } from '../../i18n/names.ts';
import { isRunning } from '../../model/turn.ts';
import { useStore } from '../../store/index.ts';
import { AnswerMarkdown } from '../conversation/answer-markdown.tsx';
import { CopyButton } from '../conversation/copy-button.tsx';
import { ErrorBanner } from '../conversation/error-banner.tsx';
import { ReasoningBlock } from '../conversation/reasoning-block.tsx';
import { GroundingContext } from '../grounding/grounding-context.ts';
import { useTurnGrounding } from '../grounding/use-grounding.ts';
import { chipsOf } from '../../../shared/params/chips.ts';
import { ContinueNote } from '../playground/continue-note.tsx';
import { useParamWords } from '../playground/param-words.ts';
import { laneColour } from './lane-colour.ts';
import { useLaneLabelText } from './lane-label.ts';
import { LaneMetricsView } from './lane-metrics.tsx';

interface Props {
  turnId: string;
  lane: number;
  metrics: LaneMetrics;
  preferred: boolean;
  /** Whether marking is possible (every lane ended). */
  canMark: boolean;
  onMark: () => void;
}

/** One lane of a compare, streaming live: its reasoning (folded once the answer starts), answer and figures. */
export const LaneView = memo(function LaneView({ turnId, lane, metrics, preferred, canMark, onMark }: Props) {
  const turn = useStore((s) => s.turns.find((x) => x.id === turnId))!;
  const stop = useStore((s) => s.stop);
  const { t } = useTranslation();
  const w = useParamWords();
  const labelText = useLaneLabelText();
  const names = useNames();
  const grounding = useTurnGrounding(turnId);
  const ctx = useMemo(
    () => ({ turnId, boxes: grounding.boxes, images: grounding.images }),
    [turnId, grounding.boxes, grounding.images],
  );
  const streaming = isRunning(turn);
  // What this lane sent, as the panel's chips ("T 0 · max 2k"): the request's parameters, panel and lane merged.
  const chips = chipsOf(turn.params ?? {}).map(w.chip);
  const label = labelText(turn.laneLabel, lane);
  const sub = `${names.provider(turn.providerName)} · ${turn.model}`;
  const text = grounding.parse.text;
  return (
    <section
      className="compare-lane"
      aria-label={t('compare.laneNamed', { n: lane + 1, label })}
      aria-busy={streaming}
      data-preferred={preferred || undefined}
      style={{ ['--lane-colour' as string]: laneColour(lane) }}
    >
      <header className="lane-head">
        <strong className="lane-name">
          <span className="lane-swatch" aria-hidden="true" />
          {lane + 1}. {label}
        </strong>
        <span className="muted lane-sub" title={sub}>
          {sub}
        </span>
        <span className={`mode-chip ${turn.thinking ? 'thinking' : 'fast'}`}>
          {turn.thinking ? t('compare.thinking') : t('compare.fast')}
        </span>
        {chips.length > 0 && (
          <span className="param-chips lane-param-chips" data-testid={`lane-${lane + 1}-chips`}>
            {chips.join(' · ')}
          </span>
        )}
        {streaming && <span className="live-dot" aria-label={t('compare.streaming')} />}
        {streaming ? (
          <button
            type="button"
            className="danger small-button"
            onClick={() => void stop(turnId)}
            aria-label={t('compare.stopLane', { n: lane + 1 })}
          >
            {t('compare.stop')}
          </button>
        ) : (
          canMark && (
            <button
              type="button"
              className="small-button mark-button"
              aria-pressed={preferred}
              onClick={onMark}
              aria-label={t('compare.markBetter', { n: lane + 1 })}
            >
              {preferred ? t('compare.better') : t('compare.notBetter')}
            </button>
          )
        )}
      </header>
      {turn.reasoning && <ReasoningBlock text={turn.reasoning} live={streaming && !turn.answer} />}
      {turn.answer ? (
        <GroundingContext.Provider value={ctx}>
          <div className="lane-answer">
            <AnswerMarkdown markdown={grounding.parse.markdown} streaming={streaming} />
          </div>
          {!streaming && text.trim() && (
            <div className="answer-actions">
              <CopyButton label={t('compare.copyLane', { n: lane + 1 })} text={() => text}>
                {t('compare.copy')}
              </CopyButton>
            </div>
          )}
        </GroundingContext.Provider>
      ) : (
        streaming && !turn.reasoning && <p className="muted waiting">{turn.retryNote ?? t('compare.waiting')}</p>
      )}
      {turn.retryNote && turn.answer && <p className="muted">{turn.retryNote}</p>}
      {turn.error && turn.error.kind !== 'cancelled' && (
        <ErrorBanner error={turn.error} kept={Boolean(turn.answer || turn.reasoning)} />
      )}
      {turn.status === 'cancelled' && <p className="muted stopped">{t('compare.stopped')}</p>}
      {turn.status === 'incomplete' && <p className="muted stopped">{t('compare.interrupted')}</p>}
      <ContinueNote id={turnId} />
      <LaneMetricsView m={metrics} label={label} />
    </section>
  );
});
