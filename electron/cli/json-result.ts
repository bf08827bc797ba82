/**
 * The one object `glimpse ask --json` prints, exactly the shape issue #3 promises: fields are picked one by one,
 * so an engine field added later (a price snapshot, a first-answer timing) never leaks into scripts' input.
 */
import type { ChatResult } from '../../shared/engine/types.ts';
import { formatSeconds, formatTokens, formatUsd } from '../../shared/format/figures.ts';
import { answerText } from '../../shared/grounding/parse-answer.ts';
import { linesOf, plainText, withoutLineBoxes } from '../../shared/ocr/ocr-result.ts';
import type { OcrRect, OcrResult } from '../../shared/ocr/ocr-types.ts';

export function cliJson(r: ChatResult) {
  return {
    // The text a person reads: GLM's box tokens dropped, the coordinates left in place (see shared/grounding).
    // Local OCR's answer is the text it read; its line boxes are in `boxes` and `ocr`.
    answer: r.ocr ? withoutLineBoxes(r.answer) : answerText(r.answer),
    reasoning: r.reasoning,
    boxes: r.boxes.map((b) => ({
      x1: b.x1,
      y1: b.y1,
      x2: b.x2,
      y2: b.y2,
      label: b.label,
      image: b.image,
      kind: b.kind ?? 'box',
    })),
    usage: {
      prompt_tokens: r.usage.prompt_tokens,
      completion_tokens: r.usage.completion_tokens,
      reasoning_tokens: r.usage.reasoning_tokens,
      cached_tokens: r.usage.cached_tokens,
    },
    cost: { usd: r.cost.usd, source: r.cost.source },
    estimate: { prompt_tokens: r.estimate.prompt_tokens, usd: r.estimate.usd },
    finish_reason: r.finish_reason,
    timings: { ttft_ms: r.timings.ttft_ms, total_ms: r.timings.total_ms },
    error: r.error
      ? {
          kind: r.error.kind,
          status: r.error.status,
          code: r.error.code,
          message: r.error.message,
          retry_after_s: r.error.retry_after_s,
        }
      : null,
    // Local OCR only: what it read per image, lines and words with boxes and confidences.
    ...(r.ocr ? { ocr: ocrJson(r.ocr) } : {}),
  };
}

const rect = (b: OcrRect) => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });

/** Local OCR's pages for `--json`: each line and word with its box (fractions of its image) and confidence. */
function ocrJson(o: OcrResult) {
  return {
    languages: o.languages,
    pages: o.pages.map((p) => ({
      image: p.image,
      label: p.label,
      source: p.source,
      width: p.width,
      height: p.height,
      text: plainText(p),
      lines: linesOf(p).map((l) => ({
        text: l.text,
        confidence: l.confidence,
        box: rect(l.box),
        words: l.words.map((w) => ({ text: w.text, confidence: w.confidence, low_confidence: w.low, box: rect(w.box) })),
      })),
    })),
  };
}

/** One line for a person: tokens, cost with its source, time. */
export function summaryLine(r: ChatResult): string {
  const u = r.usage;
  if (r.ocr) {
    // Local OCR uses no tokens: the figures that mean something are what was read, the cost ($0) and the time.
    const n = r.ocr.pages.length;
    const secs = r.timings.total_ms === null ? '' : ` · ${formatSeconds(r.timings.total_ms, { digits: 1 })}`;
    return `Local OCR (${r.ocr.languages}) · ${n} ${n === 1 ? 'image' : 'images'} read · ${formatUsd(0)} (local)${secs}`;
  }
  const cost = r.cost.usd === null ? 'cost unknown' : `${formatUsd(r.cost.usd)} (${r.cost.source})`;
  const secs = r.timings.total_ms === null ? '' : ` · ${formatSeconds(r.timings.total_ms, { digits: 1 })}`;
  return `${formatTokens(u.prompt_tokens)} prompt + ${formatTokens(u.completion_tokens)} completion tokens · ${cost}${secs}`;
}
