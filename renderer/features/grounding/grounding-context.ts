import { createContext, useContext } from 'react';
import type { ShownBox } from './use-grounding.ts';

/**
 * The boxes of one answer as they stand, for its chips. Chips read their own box from it and are told when the
 * boxes change; a context value that changed instead would re-render every chip of the answer on every delta,
 * 20,000 of them in an answer with 20,000 boxes.
 */
export class LiveGrounding {
  boxes: readonly ShownBox[] = [];
  images: readonly { name: string }[] = [];
  /** The box under the pointer (the store's hoveredBox), passed on so chips need no store subscription each. */
  hovered: string | null = null;
  private byN: Map<number, ShownBox> | null = null;
  private readonly listeners = new Set<() => void>();

  /** Takes the latest boxes (during render); `notify` then tells the chips that were not re-rendered anyway. */
  set(boxes: readonly ShownBox[], images: readonly { name: string }[], hovered: string | null): void {
    if (boxes !== this.boxes) this.byN = null;
    this.boxes = boxes;
    this.images = images;
    this.hovered = hovered;
  }

  box(n: number): ShownBox | undefined {
    if (!this.byN) this.byN = new Map(this.boxes.map((b) => [b.n, b]));
    return this.byN.get(n);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  notify(): void {
    for (const l of this.listeners) l();
  }
}

/** The boxes of the answer being rendered, for the chips inside its Markdown (which Streamdown renders). */
export interface GroundingContextValue {
  turnId: string;
  boxes: readonly ShownBox[];
  images: readonly { name: string }[];
  /** When given, chips follow this instead of `boxes`, and the context value itself can stay the same. */
  live?: LiveGrounding;
}

export const GroundingContext = createContext<GroundingContextValue | null>(null);

export const useGroundingContext = () => useContext(GroundingContext);
