/**
 * The boxes of every lane of a compare, for the one shared copy of the image. Each lane's answer is parsed by
 * its own incremental parser (re-scanning only the live tail as it streams), as a single answer's is.
 */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { GroundingParser } from '../../../shared/grounding/parse-answer.ts';
import type { GroundedBox, ImageInfo } from '../../../shared/grounding/types.ts';
import { useStore } from '../../store/index.ts';
import { groundImages, type GroundImage } from '../grounding/use-grounding.ts';

export interface LaneBox extends GroundedBox {
  lane: number;
}

export function useLaneBoxes(turnIds: readonly string[]): { images: GroundImage[]; boxes: LaneBox[] } {
  const answers = useStore(useShallow((s) => turnIds.map((id) => s.turns.find((t) => t.id === id)?.answer ?? '')));
  // Every lane was sent the same images: the first lane's stand for all.
  const turnImages = useStore((s) => s.turns.find((t) => t.id === turnIds[0])?.images);
  const images = useMemo(() => groundImages(turnImages ?? []), [turnImages]);
  const infos = useMemo<ImageInfo[]>(() => images.map((im) => ({ label: im.label })), [images]);
  const parsers = useRef(new Map<string, GroundingParser>());
  const boxes = useMemo(
    () =>
      answers.flatMap((answer, lane) => {
        const id = turnIds[lane];
        let p = parsers.current.get(id);
        if (!p) parsers.current.set(id, (p = new GroundingParser()));
        return p.update(answer, infos).boxes.map((b) => ({ ...b, lane }));
      }),
    [answers, infos, turnIds],
  );
  return { images, boxes };
}
