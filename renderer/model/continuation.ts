/**
 * Continue (issue #10), in the window: an answer that stopped at its token limit grows in place. The request that
 * extends it is its own (its own id, its own ledger row), but its events land on the same turn: the text and the
 * reasoning are appended, and at its end the turn's result is the whole answer's (shared/engine/continued.ts).
 * Pure, so it is tested without a window.
 */
import type { ChatEventEnvelope, ChatRequest } from '../../shared/bridge/chat.ts';
import type { ProviderView } from '../../shared/bridge/providers.ts';
import { joinContinued } from '../../shared/engine/continued.ts';
import { resultStatus } from '../../shared/engine/result.ts';
import { continueModeOf } from '../../shared/params/continuation.ts';
import { catalogEntry } from '../../shared/providers/catalog.ts';
import { applyChatEvent } from './chat-reducer.ts';
import type { Turn } from './turn.ts';

/** Applies the events of Continue requests to the turns they extend; other events and turns are left as they are. */
export function applyContinuationEvents(turns: readonly Turn[], batch: readonly ChatEventEnvelope[]): Turn[] {
  const byRequest = new Map<string, number>();
  turns.forEach((t, i) => {
    if (t.continuing) byRequest.set(t.continuing.requestId, i);
  });
  if (byRequest.size === 0) return turns as Turn[];
  const out = turns.slice();
  for (const { requestId, event } of batch) {
    const i = byRequest.get(requestId);
    if (i === undefined) continue;
    const t = out[i]!;
    const c = t.continuing!;
    if (event.type !== 'end') {
      // Start, text, retries: as for any request, on the answer as it stands.
      out[i] = applyChatEvent(t, event);
      continue;
    }
    const result = joinContinued(c, event.result, { requestId, mode: c.mode });
    const { continuing: _, ...rest } = t;
    out[i] = {
      ...rest,
      result,
      error: result.error,
      answer: result.answer,
      reasoning: result.reasoning,
      status: resultStatus(result),
      retryNote: null,
    };
  }
  return out;
}

/**
 * The request that continues `turn`'s answer, sent the way the turn was (its provider, model, thinking,
 * parameters, images and context), with the answer so far; and the turn as it shows while it runs.
 */
export function startContinuation(
  turn: Turn,
  base: ChatRequest,
  provider: ProviderView,
  requestId: string,
): { request: ChatRequest; turn: Turn } {
  const request: ChatRequest = {
    ...base,
    requestId,
    providerId: provider.id,
    continues: { requestId: turn.requestId!, answer: turn.answer },
  };
  delete request.parentRequestId;
  delete request.compareGroup;
  const continuing = {
    requestId,
    mode: continueModeOf(catalogEntry(provider.catalogId), provider),
    answer: turn.answer,
    reasoning: turn.reasoning,
    result: turn.result,
  };
  return {
    request,
    turn: { ...turn, status: 'sending', error: null, retryNote: null, request, continuing },
  };
}

/** For a reopened session: the Continue request that last extended the answer (View code shows it), if any. */
export function lastContinuation(turn: Turn): ChatRequest['continues'] | undefined {
  const c = turn.result?.continued;
  if (!c || !turn.requestId) return undefined;
  return { requestId: turn.requestId, answer: turn.answer.slice(0, c.from) };
}
