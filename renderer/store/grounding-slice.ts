import type { StateCreator } from 'zustand';
import type { BoxKey, GroundingSlice, State } from './state.ts';

export const boxKey = (turnId: string, n: number): BoxKey => `${turnId}:${n}`;

export const createGroundingSlice: StateCreator<State, [], [], GroundingSlice> = (set) => ({
  hoveredBox: null,
  hiddenBoxes: {},
  movedBoxes: {},
  viewer: null,
  setHoveredBox: (key) => set((s) => (s.hoveredBox === key ? s : { hoveredBox: key })),
  toggleBoxHidden: (key) =>
    set((s) => {
      const hiddenBoxes = { ...s.hiddenBoxes };
      if (hiddenBoxes[key]) delete hiddenBoxes[key];
      else hiddenBoxes[key] = true;
      return { hiddenBoxes };
    }),
  moveBox: (key, image) => set((s) => ({ movedBoxes: { ...s.movedBoxes, [key]: image } })),
  openViewer: (turnId, image) => set({ viewer: { turnId, image } }),
  closeViewer: () => set({ viewer: null }),
});
