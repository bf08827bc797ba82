import { useSyncExternalStore } from 'react';

/**
 * Whether the window matches a CSS media query, kept up to date as it is resized. For layout that CSS alone
 * cannot do right: moving controls with CSS `order` changes where they are drawn but not the order keyboard focus
 * takes, so where the order itself must change, the elements are placed differently in the DOM.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
