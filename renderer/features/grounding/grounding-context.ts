import { createContext, useContext } from 'react';
import type { ShownBox } from './use-grounding.ts';

/** The boxes of the answer being rendered, for the chips inside its Markdown (which Streamdown renders). */
export interface GroundingContextValue {
  turnId: string;
  boxes: readonly ShownBox[];
  images: readonly { name: string }[];
}

export const GroundingContext = createContext<GroundingContextValue | null>(null);

export const useGroundingContext = () => useContext(GroundingContext);
