import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { CompareView } from '../compare/compare-view.tsx';
import './conversation.css';
import { EmptyState } from './empty-state.tsx';
import { TurnView } from './turn-view.tsx';

export function Conversation() {
  // A compare's lanes are one item (`compare:<group>`), placed where its first lane is.
  const turnIds = useStore((s) => {
    const seen = new Set<string>();
    return s.turns
      .flatMap((t) => {
        // A compare's lanes are one entry, at the first lane's place.
        if (!t.compareGroup) return [t.id];
        if (seen.has(t.compareGroup)) return [];
        seen.add(t.compareGroup);
        return [`compare:${t.compareGroup}`];
      })
      .join(',');
  });
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const end = useRef<HTMLDivElement>(null);
  // Follow the stream while the person is at the bottom; leave them be when they scrolled up to read. No layout is
  // read per delta: while the end sentinel is in view, scroll anchoring (conversation.css) keeps it there as the
  // answer grows. An IntersectionObserver says when it leaves the view: because the person scrolled (input just
  // now), or because the answer outgrew the window while it still fitted (anchoring needs a scrolled box).
  const pinned = useRef(true);
  const userScrolledAt = useRef(-Infinity);
  useEffect(() => {
    const root = ref.current;
    const sentinel = end.current;
    if (!root || !sentinel) return;
    const io = new IntersectionObserver(
      ([e]) => {
        if (e.isIntersecting) pinned.current = true;
        else if (performance.now() - userScrolledAt.current < 1_000) pinned.current = false;
        else if (pinned.current) root.scrollTop = root.scrollHeight;
      },
      { root, rootMargin: '0px 0px 48px 0px' },
    );
    io.observe(sentinel);
    const intent = () => (userScrolledAt.current = performance.now());
    const events = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
    for (const t of events) root.addEventListener(t, intent, { passive: true });
    return () => {
      io.disconnect();
      for (const t of events) root.removeEventListener(t, intent);
    };
  }, []);
  // A new exchange (or a reopened session) starts at the bottom if the person was there: one layout per turn.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [turnIds]);

  const ids = turnIds ? turnIds.split(',') : [];
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls, so a keyboard user must be able to focus it to scroll it (axe: scrollable-region-focusable)
    <main className="conversation" aria-label={t('conversation.label')} ref={ref} tabIndex={0}>
      {ids.length === 0 ? (
        <EmptyState />
      ) : (
        ids.map((id) =>
          id.startsWith('compare:') ? <CompareView key={id} group={id.slice(8)} /> : <TurnView key={id} id={id} />,
        )
      )}
      <div className="scroll-end" ref={end} aria-hidden="true" />
    </main>
  );
}
