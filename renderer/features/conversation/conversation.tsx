import { useEffect, useRef } from 'react';
import { useStore } from '../../store/index.ts';
import { EmptyState } from './empty-state.tsx';
import { TurnView } from './turn-view.tsx';

export function Conversation() {
  const turnIds = useStore((s) => s.turns.map((t) => t.id).join(','));
  const ref = useRef<HTMLElement>(null);
  const lastLength = useStore((s) => {
    const t = s.turns.at(-1);
    return t ? t.answer.length + t.reasoning.length : 0;
  });
  // Follow the stream while the person is at the bottom; leave them be when they scrolled up to read.
  const pinned = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [lastLength, turnIds]);

  const ids = turnIds ? turnIds.split(',') : [];
  return (
    <main
      className="conversation"
      aria-label="Conversation"
      ref={ref}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
      }}
    >
      {ids.length === 0 ? <EmptyState /> : ids.map((id) => <TurnView key={id} id={id} />)}
    </main>
  );
}
