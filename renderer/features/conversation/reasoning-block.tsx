import { memo, useEffect, useRef, useState } from 'react';
import { showBidiControls } from '../../../shared/text/bidi.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { PLAIN_RUN, runs } from './plain-text.tsx';

/**
 * `runs(text)` for a text that grows: only the text from the last piece that may still change is cut again. A
 * piece is final once the text reaches PLAIN_RUN characters past its start (where it is cut depends on those
 * characters alone). Cutting all of 50k tokens of reasoning on every delta made each frame's work grow with it.
 */
export class GrowingRuns {
  private text = '';
  private pieces: string[] = [];
  /** Pieces before this index are final; `settledEnd` is where the last of them ends. */
  private settled = 0;
  private settledEnd = 0;

  update(text: string): string[] {
    if (text === this.text) return this.pieces;
    const check = Math.max(0, this.settledEnd - 64);
    if (text.length < this.text.length || !text.startsWith(this.text.slice(check, this.settledEnd), check)) {
      // Not the same text grown (a new turn, an edit): start over.
      this.settled = 0;
      this.settledEnd = 0;
    }
    const rest = runs(text.slice(this.settledEnd));
    const pieces = this.pieces.slice(0, this.settled).concat(rest);
    // Final: every piece with PLAIN_RUN characters after its start.
    let end = this.settledEnd;
    let n = this.settled;
    for (const p of rest) {
      if (end + PLAIN_RUN > text.length) break;
      end += p.length;
      n++;
    }
    this.text = text;
    this.pieces = pieces;
    this.settled = n;
    this.settledEnd = end;
    return pieces;
  }
}

/** One piece of reasoning, memoised: as the reasoning grows only its last piece re-renders. */
const ReasoningRun = memo(function ReasoningRun({ text }: { text: string }) {
  return <span className="md-run">{showBidiControls(text.endsWith('\n') ? text.slice(0, -1) : text)}</span>;
});

/** The model's reasoning, apart from the answer: open while it streams, folded away once the answer begins. */
export const ReasoningBlock = memo(function ReasoningBlock({ text, live }: { text: string; live: boolean }) {
  const [open, setOpen] = useState(live);
  const [touched, setTouched] = useState(false);
  const split = useRef<GrowingRuns>(null);
  split.current ??= new GrowingRuns();
  const pieces = split.current.update(text);
  const { t } = useTranslation();
  const f = useFigures();
  useEffect(() => {
    if (!touched) setOpen(live);
  }, [live, touched]);
  return (
    <details
      className="reasoning"
      open={open}
      onToggle={(e) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        if (now !== open) {
          setTouched(true);
          setOpen(now);
        }
      }}
    >
      <summary>
        {t('reasoning.title')}{' '}
        <span className="muted">
          {t('reasoning.chars', { count: text.length, n: f.tokens(text.length), live: live ? t('reasoning.thinking') : '' })}
        </span>
      </summary>
      {/* In pieces, like plain answer text: 50k tokens of reasoning as one text node re-lay out whole on every delta. */}
      <div className="reasoning-text">
        {pieces.map((p, i) => (
          // A piece's index is its identity: pieces are only ever added or extended at the end.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <ReasoningRun key={i} text={p} />
        ))}
      </div>
    </details>
  );
});
