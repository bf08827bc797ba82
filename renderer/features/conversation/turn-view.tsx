import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from '../../i18n/i18n.ts';
import { useNames } from '../../i18n/names.ts';
import { turnOutline } from '../../model/turn-outline.ts';
import { useStore } from '../../store/index.ts';
import { AnswerBoundary } from './answer-boundary.tsx';
import { GroundedAnswer } from './grounded-answer.tsx';
import { ErrorBanner } from './error-banner.tsx';
import { ReasoningBlock } from './reasoning-block.tsx';
import { TurnStats } from './turn-stats.tsx';
import { reasoningPace } from './intake-pace.ts';
import { useIntake } from './use-intake.ts';
import { TurnActions } from '../playground/turn-actions.tsx';

/**
 * One exchange. A delta changes only a turn's text, so this view selects everything but the text (plus whether
 * there is any): a delta re-renders just the part that shows the text that grew, never the meta, stats or images.
 */
export const TurnView = memo(function TurnView({ id }: { id: string }) {
  const turn = useStore(useShallow((s) => turnOutline(s.turns.find((x) => x.id === id)!)));
  const streaming = turn.status === 'sending' || turn.status === 'streaming';
  const { t } = useTranslation();
  // Local OCR's name and its language "models" in the window's language; it has no thinking mode, only OCR.
  const shown = useNames().turn(turn);
  return (
    <article className="turn" aria-label={t('turn.label')} data-settled={streaming ? undefined : ''}>
      <div className="user-message">
        {turn.images.length > 0 && (
          <div className="user-images">
            {turn.images.map((im, i) => (
              <img key={i} src={im.previewUrl} alt={im.name} title={im.name} />
            ))}
          </div>
        )}
        {turn.prompt && <p className="user-prompt">{turn.prompt}</p>}
      </div>
      <section className="assistant-message" aria-label={t('turn.answer')} aria-busy={streaming}>
        <div className="turn-meta">
          <span>{shown.provider}</span>
          <span>{shown.model}</span>
          <span className={`mode-chip ${shown.ocr ? 'ocr' : turn.thinking ? 'thinking' : 'fast'}`}>
            {shown.ocr ? t('turn.ocr') : turn.thinking ? t('turn.thinking') : t('turn.fast')}
          </span>
          {streaming && <span className="live-dot" aria-label={t('turn.streaming')} />}
        </div>
        {turn.hasReasoning && <TurnReasoning id={turn.id} live={streaming && !turn.hasAnswer} />}
        {/* Mounted as soon as the request runs, empty until text arrives: the first delta then re-renders only the
            live text, not a first render of the answer's whole subtree (grounding, code plugin, Markdown). */}
        {(turn.hasAnswer || streaming) && <TurnAnswer id={turn.id} prompt={turn.prompt} streaming={streaming} />}
        {!turn.hasAnswer && streaming && !turn.hasReasoning && (
          <p className="muted waiting">{turn.retryNote ?? t('turn.waiting')}</p>
        )}
        {turn.retryNote && turn.hasAnswer && <p className="muted">{turn.retryNote}</p>}
        {turn.error && turn.error.kind !== 'cancelled' && (
          <ErrorBanner error={turn.error} kept={turn.hasAnswer || turn.hasReasoning} />
        )}
        {turn.status === 'cancelled' && <p className="muted stopped">{t('turn.stopped')}</p>}
        {turn.status === 'incomplete' && <p className="muted stopped">{t('turn.interrupted')}</p>}
        <TurnStats result={turn.result} estimate={turn.estimate} />
      </section>
      <TurnActions id={turn.id} />
    </article>
  );
});

/** The reasoning, the only part subscribed to its text; a burst of it is shown over frames (use-intake.ts). */
const TurnReasoning = memo(function TurnReasoning({ id, live }: { id: string; live: boolean }) {
  const intake = useIntake(
    useStore((s) => s.turns.find((x) => x.id === id)?.reasoning ?? ''),
    reasoningPace,
    live,
  );
  return <ReasoningBlock text={intake.text} live={live} />;
});

/** The answer, the only part subscribed to its text (the boundary shows that text if rendering fails). */
const TurnAnswer = memo(function TurnAnswer({ id, prompt, streaming }: { id: string; prompt: string; streaming: boolean }) {
  const text = useStore((s) => s.turns.find((t) => t.id === id)?.answer ?? '');
  return (
    // The boxes, images and receipt derived from the answer can fail on hostile text too: only this answer shows it.
    <AnswerBoundary text={text} retryKey={streaming}>
      <GroundedAnswer turnId={id} prompt={prompt} streaming={streaming} />
    </AnswerBoundary>
  );
});
