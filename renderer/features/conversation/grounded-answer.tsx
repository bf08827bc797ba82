import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { GroundingContext, LiveGrounding, type GroundingContextValue } from '../grounding/grounding-context.ts';
import { GroundingPanel } from '../grounding/grounding-panel.tsx';
import { ImageViewer } from '../grounding/image-viewer.tsx';
import { useTurnGrounding } from '../grounding/use-grounding.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { withoutLineBoxes } from '../../../shared/ocr/ocr-result.ts';
import { AnswerMarkdown } from './answer-markdown.tsx';
import { CopyButton } from './copy-button.tsx';
import './ocr-output.css';
import { ReceiptView } from './receipt-view.tsx';

/**
 * One answer with everything derived from its text: Markdown with a chip where each box was mentioned, the
 * boxes drawn on their images, a receipt table, and copy of the whole answer as a person reads it (no tokens).
 */
export function GroundedAnswer({ turnId, prompt, streaming: live }: { turnId: string; prompt: string; streaming: boolean }) {
  const grounding = useTurnGrounding(turnId);
  const { t } = useTranslation();
  // Text still held back after a burst counts as streaming: its last block may not be finished yet.
  const streaming = live || grounding.behind;
  // One context value per turn: chips follow the LiveGrounding, so a delta does not re-render every chip of the answer.
  const source = useRef<LiveGrounding>(null);
  source.current ??= new LiveGrounding();
  const hovered = useStore((s) => s.hoveredBox);
  source.current.set(grounding.boxes, grounding.images, hovered);
  useLayoutEffect(() => source.current!.notify(), [grounding.boxes, grounding.images, hovered]);
  const ctx = useMemo<GroundingContextValue>(() => {
    const chips = source.current!;
    return {
      turnId,
      live: chips,
      get boxes() {
        return chips.boxes;
      },
      get images() {
        return chips.images;
      },
    };
  }, [turnId]);
  // Local OCR's line boxes are drawn on the image: the text copied is what was read, without their numbers.
  const ocrAnswer = useStore((s) => {
    const t = s.turns.find((x) => x.id === turnId);
    return t?.result?.ocr ? t.answer : null;
  });
  const text = ocrAnswer !== null ? withoutLineBoxes(ocrAnswer) : grounding.parse.text;
  // The panel (images drawn on, the box list) is first drawn in a task of its own, after the render that found
  // the first boxes: mounting it there put the list's rows, their measuring and a second forced layout into the
  // task that also lexes and lays out the answer's first slice (a 20,000-box answer's longest task).
  const hasBoxes = grounding.boxes.length > 0;
  const [panelOn, setPanelOn] = useState(false);
  useEffect(() => {
    if (!hasBoxes || panelOn) return;
    // Rendered at once (flushSync), alone: left to React's scheduler, the update was folded into the next
    // slice's render, the very task it was taken out of.
    const id = setTimeout(() => flushSync(() => setPanelOn(true)), 0);
    return () => clearTimeout(id);
  }, [hasBoxes, panelOn]);
  return (
    <GroundingContext.Provider value={ctx}>
      <AnswerMarkdown markdown={grounding.parse.markdown} streaming={streaming} catchingUp={grounding.behind} text={text} />
      {!streaming && text.trim() && (
        <div className="answer-actions">
          <CopyButton label={t('answer.copy')} text={() => text}>
            {t('answer.copy')}
          </CopyButton>
        </div>
      )}
      {!streaming && <ReceiptView text={text} prompt={prompt} />}
      {hasBoxes && panelOn && <GroundingPanel turnId={turnId} grounding={grounding} />}
      <ImageViewer turnId={turnId} grounding={grounding} />
    </GroundingContext.Provider>
  );
}
