import { useEffect, useState } from 'react';
import { PlainRuns } from './plain-text.tsx';

/** The model's reasoning, apart from the answer: open while it streams, folded away once the answer begins. */
export function ReasoningBlock({ text, live }: { text: string; live: boolean }) {
  const [open, setOpen] = useState(live);
  const [touched, setTouched] = useState(false);
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
        Reasoning{' '}
        <span className="muted">
          ({text.length.toLocaleString()} chars{live ? ', thinking…' : ''})
        </span>
      </summary>
      {/* In pieces, like plain answer text: 50k tokens of reasoning as one text node re-lay out whole on every delta. */}
      <div className="reasoning-text">
        <PlainRuns text={text} />
      </div>
    </details>
  );
}
