/**
 * The one object `glimpse ask --json` prints, exactly the shape issue #3 promises: fields are picked one by one,
 * so an engine field added later (a price snapshot, a first-answer timing) never leaks into scripts' input.
 */
import type { ChatResult } from '../../shared/engine/types.ts';
import { formatSeconds, formatTokens, formatUsd } from '../../shared/format/figures.ts';
import { answerText } from '../../shared/grounding/parse-answer.ts';

export function cliJson(r: ChatResult) {
  return {
    // The text a person reads: GLM's box tokens dropped, the coordinates left in place (see shared/grounding).
    answer: answerText(r.answer),
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
  };
}

/** One line for a person: tokens, cost with its source, time. */
export function summaryLine(r: ChatResult): string {
  const u = r.usage;
  const cost = r.cost.usd === null ? 'cost unknown' : `${formatUsd(r.cost.usd)} (${r.cost.source})`;
  const secs = r.timings.total_ms === null ? '' : ` · ${formatSeconds(r.timings.total_ms, { digits: 1 })}`;
  return `${formatTokens(u.prompt_tokens)} prompt + ${formatTokens(u.completion_tokens)} completion tokens · ${cost}${secs}`;
}
