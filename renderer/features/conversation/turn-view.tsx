import { memo } from 'react';
import { useStore } from '../../store/index.ts';
import { AnswerBoundary } from './answer-boundary.tsx';
import { GroundedAnswer } from './grounded-answer.tsx';
import { ErrorBanner } from './error-banner.tsx';
import { ReasoningBlock } from './reasoning-block.tsx';
import { TurnStats } from './turn-stats.tsx';

export const TurnView = memo(function TurnView({ id }: { id: string }) {
  const turn = useStore((s) => s.turns.find((t) => t.id === id))!;
  const streaming = turn.status === 'sending' || turn.status === 'streaming';
  return (
    <article className="turn" aria-label="Exchange">
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
      <section className="assistant-message" aria-label="Answer" aria-busy={streaming}>
        <div className="turn-meta">
          <span>{turn.providerName}</span>
          <span>{turn.model}</span>
          <span className={`mode-chip ${turn.thinking ? 'thinking' : 'fast'}`}>{turn.thinking ? 'Thinking' : 'Fast'}</span>
          {streaming && <span className="live-dot" aria-label="Streaming" />}
        </div>
        {turn.reasoning && <ReasoningBlock text={turn.reasoning} live={streaming && !turn.answer} />}
        {turn.answer ? (
          // The boxes, images and receipt derived from the answer can fail on hostile text too: only this answer shows it.
          <AnswerBoundary text={turn.answer} retryKey={streaming}>
            <GroundedAnswer turnId={turn.id} prompt={turn.prompt} streaming={streaming} />
          </AnswerBoundary>
        ) : (
          streaming && !turn.reasoning && <p className="muted waiting">{turn.retryNote ?? 'Waiting for the first token…'}</p>
        )}
        {turn.retryNote && turn.answer && <p className="muted">{turn.retryNote}</p>}
        {turn.error && turn.error.kind !== 'cancelled' && (
          <ErrorBanner error={turn.error} kept={Boolean(turn.answer || turn.reasoning)} />
        )}
        {turn.status === 'cancelled' && <p className="muted stopped">Stopped. What arrived is kept.</p>}
        {turn.status === 'incomplete' && (
          <p className="muted stopped">Interrupted: Glimpse stopped before this answer finished. What arrived is kept.</p>
        )}
        <TurnStats turn={turn} />
      </section>
    </article>
  );
});
