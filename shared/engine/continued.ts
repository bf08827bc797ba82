/**
 * Continue (issue #10): an answer cut off at its token limit is sent back as the last message, for the model to
 * carry on, and what comes back is joined to it. One answer, several requests: the text and the reasoning grow,
 * the figures are summed, and each request keeps its own ledger row.
 */
import { CONTINUE_PROMPT, type ContinueMode } from '../params/continuation.ts';
import type { ChatMessage } from './request-body.ts';
import { type Box, type ChatResult, emptyUsage, type Usage } from './types.ts';

/**
 * The messages of a continue request: the question (already last in `messages`), then the partial answer as the
 * assistant's; where the provider cannot extend a message in place, a user message asking for the rest follows.
 */
export function continueMessages(messages: ChatMessage[], partial: string, mode: ContinueMode): ChatMessage[] {
  const out: ChatMessage[] = [...messages, { role: 'assistant', content: partial }];
  if (mode === 'new-message') out.push({ role: 'user', content: CONTINUE_PROMPT });
  return out;
}

/** What the answer held before the continuation. */
export interface ContinueBase {
  answer: string;
  reasoning: string;
  result: ChatResult | null;
}

const sumUsage = (a: Usage, b: Usage): Usage => ({
  prompt_tokens: a.prompt_tokens + b.prompt_tokens,
  completion_tokens: a.completion_tokens + b.completion_tokens,
  reasoning_tokens: a.reasoning_tokens + b.reasoning_tokens,
  cached_tokens: a.cached_tokens + b.cached_tokens,
});

const sumOrNull = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * The answer after a continuation: texts joined, usage, cost and estimate summed (a cost unknown on either side is
 * unknown), the end (finish reason, error) the continuation's. `boxes`: parsed over the joined text by whoever
 * knows the images (the host); else the two lists one after the other.
 */
export function joinContinued(
  base: ContinueBase,
  next: ChatResult,
  link: { requestId: string; mode: ContinueMode },
  boxes?: Box[],
): ChatResult {
  const b = base.result;
  const cost =
    b && (b.cost.usd === null || next.cost.usd === null)
      ? { usd: null, source: 'unknown' as const }
      : {
          usd: (b?.cost.usd ?? 0) + (next.cost.usd as number),
          source: !b || b.cost.source === next.cost.source ? next.cost.source : ('estimate' as const),
        };
  return {
    ...next,
    answer: base.answer + next.answer,
    reasoning: base.reasoning + next.reasoning,
    boxes: boxes ?? [...(b?.boxes ?? []), ...next.boxes],
    usage: sumUsage(b?.usage ?? emptyUsage(), next.usage),
    cost,
    estimate: {
      prompt_tokens: (b?.estimate.prompt_tokens ?? 0) + next.estimate.prompt_tokens,
      usd: b ? sumOrNull(b.estimate.usd, next.estimate.usd) : next.estimate.usd,
    },
    timings: {
      ttft_ms: b?.timings.ttft_ms ?? next.timings.ttft_ms,
      ...(b?.timings.ttfa_ms !== undefined ? { ttfa_ms: b.timings.ttfa_ms } : {}),
      total_ms: b ? sumOrNull(b.timings.total_ms, next.timings.total_ms) : next.timings.total_ms,
    },
    continued: {
      requests: [...(b?.continued?.requests ?? []), link.requestId],
      mode: link.mode,
      from: base.answer.length,
      reasoningFrom: base.reasoning.length,
    },
  };
}
