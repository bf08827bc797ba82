import { useMemo } from 'react';
import { GroundingContext } from '../grounding/grounding-context.ts';
import { GroundingPanel } from '../grounding/grounding-panel.tsx';
import { ImageViewer } from '../grounding/image-viewer.tsx';
import { useTurnGrounding } from '../grounding/use-grounding.ts';
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
  // Text still held back after a burst counts as streaming: its last block may not be finished yet.
  const streaming = live || grounding.behind;
  const ctx = useMemo(() => ({ turnId, boxes: grounding.boxes, images: grounding.images }), [turnId, grounding.boxes, grounding.images]);
  const text = grounding.parse.text;
  return (
    <GroundingContext.Provider value={ctx}>
      <AnswerMarkdown markdown={grounding.parse.markdown} streaming={streaming} text={text} />
      {!streaming && text.trim() && (
        <div className="answer-actions">
          <CopyButton label="Copy answer" text={() => text}>
            Copy answer
          </CopyButton>
        </div>
      )}
      {!streaming && <ReceiptView text={text} prompt={prompt} />}
      {grounding.boxes.length > 0 && <GroundingPanel turnId={turnId} grounding={grounding} />}
      <ImageViewer turnId={turnId} grounding={grounding} />
    </GroundingContext.Provider>
  );
}
