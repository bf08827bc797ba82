import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { CompareView } from '../compare/compare-view.tsx';
import './conversation.css';
import { EmptyState } from './empty-state.tsx';
import { TurnView } from './turn-view.tsx';

/** How close to the end the view counts as at the end (a person rarely scrolls to the last pixel). */
const NEAR_END_PX = 48;

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
  // Follow the stream while the person is at the bottom; leave them be when they moved up to read. No layout is
  // read per delta: while the end sentinel is in view, scroll anchoring (conversation.css) keeps it there as the
  // answer grows. An IntersectionObserver says when it leaves the view without the view having moved up: the
  // answer outgrew the window while it still fitted (anchoring needs a scrolled box), so the view follows.
  // Moving up is told by the scroll position, not by input events: a screen reader's virtual cursor, Find, a
  // focused link or a dragged scrollbar move the view without a wheel or a key, and were pulled back down.
  const pinned = useRef(true);
  useEffect(() => {
    const root = ref.current;
    const sentinel = end.current;
    if (!root || !sentinel) return;
    // While following, only the end sentinel may anchor the scroll (conversation.css); while the person reads
    // above, the browser anchors to what they read, so a turn above that changes height does not move it.
    const follow = (on: boolean) => {
      pinned.current = on;
      root.toggleAttribute('data-following', on);
    };
    follow(pinned.current);
    let lastTop = root.scrollTop;
    const io = new IntersectionObserver(
      ([e]) => {
        if (e.isIntersecting) follow(true);
        else if (pinned.current) root.scrollTop = root.scrollHeight;
      },
      { root, rootMargin: `0px 0px ${NEAR_END_PX}px 0px` },
    );
    io.observe(sentinel);
    // Scroll events come at most once a frame; the layout they read is the one the frame computes anyway.
    const onScroll = () => {
      const top = root.scrollTop;
      const nearEnd = root.scrollHeight - top - root.clientHeight <= NEAR_END_PX;
      // Up and away from the end: something other than the growing answer moved the view (the answer only ever
      // pushes it down; a shrinking one at the end stays near the end).
      if (top < lastTop - 1 && !nearEnd) follow(false);
      else if (nearEnd) follow(true);
      lastTop = top;
    };
    root.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      io.disconnect();
      root.removeEventListener('scroll', onScroll);
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
