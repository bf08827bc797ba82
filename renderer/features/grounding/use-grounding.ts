/**
 * The boxes of one turn, derived from its answer text with the incremental parser (memoised: each update
 * re-scans only the live tail) and combined with the person's choices (moved, hidden) from the grounding slice.
 */
import { useMemo, useRef } from 'react';
import { GroundingParser } from '../../../shared/grounding/parse-answer.ts';
import { useIntake } from '../conversation/use-intake.ts';
import type { GroundedAnswer, GroundedBox, ImageInfo } from '../../../shared/grounding/types.ts';
import { imagesSeen, type TurnImage } from '../../model/turn.ts';
import { boxKey } from '../../store/grounding-slice.ts';
import type { BoxKey } from '../../store/state.ts';
import { useStore } from '../../store/index.ts';

/** A box as shown: where it is now (the person may have moved it) and whether it is hidden. */
export interface ShownBox extends GroundedBox {
  key: BoxKey;
  hidden: boolean;
  /** The image the parser assigned, before any move. */
  parsedImage: number | null;
}

/** An image of the turn that the model saw as an image (a clip sent whole as video is not one). */
export interface GroundImage extends TurnImage {
  label: string | null;
}

const EMPTY: TurnImage[] = [];

/**
 * The images the model received as images, in order: the indices boxes refer to. Each carries its label and
 * kind as sent (and as stored with the session), so a reopened turn places boxes as the live one did.
 */
export function groundImages(images: readonly TurnImage[]): GroundImage[] {
  // A clip sent natively shows a poster frame in the turn, but went to the model as video, not as an image.
  return imagesSeen(images);
}

/** Whether a shown box was made from a parse of the same box (the parser's fields all equal). */
function sameParse(was: ShownBox, b: GroundedBox): boolean {
  for (const k of Object.keys(b) as (keyof GroundedBox)[]) {
    if (k === 'image') {
      if (was.parsedImage !== b.image) return false;
    } else if (k === 'raw') {
      if (was.raw.length !== b.raw.length || was.raw.some((v, i) => v !== b.raw[i])) return false;
    } else if (was[k] !== b[k]) return false;
  }
  return true;
}

export interface TurnGrounding {
  parse: GroundedAnswer;
  /** Part of a burst of text is still held back (see use-intake.ts): the answer is not complete on screen yet. */
  behind: boolean;
  boxes: ShownBox[];
  images: GroundImage[];
}

export function useTurnGrounding(turnId: string): TurnGrounding {
  const intake = useIntake(useStore((s) => s.turns.find((t) => t.id === turnId)?.answer ?? ''));
  const answer = intake.text;
  const turnImages = useStore((s) => s.turns.find((t) => t.id === turnId)?.images ?? EMPTY);
  const moved = useStore((s) => s.movedBoxes);
  const hidden = useStore((s) => s.hiddenBoxes);
  const parser = useRef<GroundingParser | null>(null);
  parser.current ??= new GroundingParser();
  const images = useMemo(() => groundImages(turnImages), [turnImages]);
  const infos = useMemo<ImageInfo[]>(() => images.map((im) => ({ label: im.label })), [images]);
  const parse = useMemo(() => parser.current!.update(answer, infos), [answer, infos]);
  // A box keeps its object while neither it nor the person's choices for it change: chips and rows compare by
  // identity, so an update re-renders only what it touched, not all of an answer's boxes. (The parser re-creates
  // the boxes of the stretch it re-scans, which for a list without blank lines is the whole answer.)
  // The parser keeps the objects of the boxes it has committed, so a box whose parse is the same object as last
  // time needs no field-by-field comparison: with 20,000 boxes, comparing each one's fields on every update was a
  // steady cost per frame that grew with the answer.
  const shown = useRef(new Map<number, { from: GroundedBox; box: ShownBox }>());
  // The last result and what it was made from: while the person's choices stay the same, the leading boxes that
  // are the very same parse objects as last time keep their shown boxes without a lookup each. An update then
  // costs pointer comparisons over the answer's boxes plus work for the new ones, not a key string and two map
  // lookups per box (20,000 of them on every delta).
  const last = useRef<{ from: readonly GroundedBox[]; to: ShownBox[]; deps: readonly unknown[] } | null>(null);
  const boxes = useMemo(() => {
    const deps = [moved, hidden, turnId, images.length];
    const was = last.current;
    let same = 0;
    if (was?.deps.every((d, i) => d === deps[i]))
      while (same < was.from.length && same < parse.boxes.length && was.from[same] === parse.boxes[same]) same++;
    const out = was ? was.to.slice(0, same) : [];
    for (let i = same; i < parse.boxes.length; i++) out.push(shownBox(parse.boxes[i]!));
    last.current = { from: parse.boxes, to: out, deps };
    return out;

    function shownBox(b: GroundedBox): ShownBox {
      const key = boxKey(turnId, b.n);
      const to = moved[key];
      const image = to !== undefined && to < images.length ? to : b.image;
      const isHidden = Boolean(hidden[key]);
      const was = shown.current.get(b.n);
      if (was && was.box.key === key && was.box.image === image && was.box.hidden === isHidden) {
        if (was.from === b) return was.box;
        if (sameParse(was.box, b)) {
          was.from = b;
          return was.box;
        }
      }
      const box = { ...b, key, hidden: isHidden, parsedImage: b.image, image };
      shown.current.set(b.n, { from: b, box });
      return box;
    }
  }, [parse, moved, hidden, turnId, images.length]);
  return { parse, behind: intake.behind, boxes, images };
}
