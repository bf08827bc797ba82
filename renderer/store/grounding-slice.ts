import type { StateCreator } from 'zustand';
import type { State } from './index.ts';

/** Names one box of one turn: `${turnId}:${n}` (n is the box's 1-based number in its answer). */
export type BoxKey = string;
export const boxKey = (turnId: string, n: number): BoxKey => `${turnId}:${n}`;

/**
 * What the person did with the boxes of answers. The boxes themselves are derived from each turn's answer text
 * (renderer/features/grounding/use-grounding.ts), never stored: this slice holds only choices made on them.
 */
export interface GroundingSlice {
  /** The box under the pointer, in the text (chip) or on an image: both highlight. */
  hoveredBox: BoxKey | null;
  hiddenBoxes: Record<BoxKey, true>;
  /** Boxes the person moved to another image of the same turn: the image index. */
  movedBoxes: Record<BoxKey, number>;
  /** The image open in the zoomable viewer. */
  viewer: { turnId: string; image: number } | null;
  setHoveredBox(key: BoxKey | null): void;
  toggleBoxHidden(key: BoxKey): void;
  moveBox(key: BoxKey, image: number): void;
  openViewer(turnId: string, image: number): void;
  closeViewer(): void;
}

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
