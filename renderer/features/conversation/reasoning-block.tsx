import { useEffect, useState } from 'react';
import { PlainRuns } from './plain-text.tsx';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** The model's reasoning, apart from the answer: open while it streams, folded away once the answer begins. */
export function ReasoningBlock({ text, live }: { text: string; live: boolean }) {
  const [open, setOpen] = useState(live);
  const [touched, setTouched] = useState(false);
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
        <PlainRuns text={text} />
      </div>
    </details>
  );
}
