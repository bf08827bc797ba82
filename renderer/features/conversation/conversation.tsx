import { useEffect, useRef } from 'react';
import { useStore } from '../../store/index.ts';
import { CompareView } from '../compare/compare-view.tsx';
import { EmptyState } from './empty-state.tsx';
import { TurnView } from './turn-view.tsx';

export function Conversation() {
  // A compare's lanes are one item (`compare:<group>`), placed where its first lane is.
  const turnIds = useStore((s) => {
    const seen = new Set<string>();
    return s.turns
      .flatMap((t) => (!t.compareGroup ? [t.id] : seen.has(t.compareGroup) ? [] : (seen.add(t.compareGroup), [`compare:${t.compareGroup}`])))
      .join(',');
  });
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
      {ids.length === 0 ? <EmptyState /> : ids.map((id) => (id.startsWith('compare:') ? <CompareView key={id} group={id.slice(8)} /> : <TurnView key={id} id={id} />))}
    </main>
  );
}
