/** The store as React sees it: provided once at the root, read with a selector anywhere below. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore as useZustand } from 'zustand';
import type { AppStore, State } from './state.ts';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for reading state in an event handler (`useStoreApi().getState()`). */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('The app store is missing: render inside <StoreProvider>.');
  return store;
}

/** A slice of the state; the component re-renders when what the selector returns changes. */
export function useStore<T>(selector: (s: State) => T): T {
  return useZustand(useStoreApi(), selector);
}
