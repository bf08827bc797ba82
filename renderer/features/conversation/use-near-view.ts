import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Whether a box, and one child of it (by index, as last rendered), are within a screen of the view: conversion to
 * Markdown works where the person looks. Watched by an IntersectionObserver, so asking costs no layout; a box whose
 * subtree the browser skips (a settled turn off screen) is reported from its last layout, never laid out for it.
 * The answer is as of the last frame the browser reported: a child watched since the last render may still read
 * as the one watched before it.
 */
export interface NearView {
  /** The ref of the box. */
  watch: (box: HTMLElement | null) => void;
  /** Whether the child at `index` is near the view. */
  near: () => boolean;
  /** Whether any of the box is near the view. */
  boxNear: () => boolean;
}

export function useNearView(index: number): NearView {
  const box = useRef<HTMLElement | null>(null);
  const near = useRef(false);
  const boxNear = useRef(false);
  const watchedBox = useRef<Element | null>(null);
  const watched = useRef<Element | null>(null);
  const io = useRef<IntersectionObserver | null>(null);
  const api = useRef<NearView>(null);
  api.current ??= { watch: (el) => void (box.current = el), near: () => near.current, boxNear: () => boxNear.current };

  // After every render: the child at `index` changes as blocks are added and converted.
  useLayoutEffect(() => {
    const child = (index >= 0 && box.current?.children[index]) || null;
    if (child === watched.current && box.current === watchedBox.current) return;
    if (!io.current && typeof IntersectionObserver === 'function') {
      io.current = new IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            if (e.target === watched.current) near.current = e.isIntersecting;
            if (e.target === watchedBox.current) boxNear.current = e.isIntersecting;
          }
        },
        // A screen above and below the view: what is converted there is done by the time it is scrolled to.
        { rootMargin: '100% 0px' },
      );
    }
    if (box.current !== watchedBox.current) {
      if (watchedBox.current) io.current?.unobserve(watchedBox.current);
      watchedBox.current = box.current;
      if (box.current) io.current?.observe(box.current);
    }
    if (child === watched.current) return;
    if (watched.current) io.current?.unobserve(watched.current);
    watched.current = child;
    if (child) io.current?.observe(child);
  });
  useEffect(
    () => () => {
      io.current?.disconnect();
      io.current = null;
      watched.current = null;
      watchedBox.current = null;
    },
    [],
  );
  return api.current;
}
