/** Chat events from the host applied to the turns: pure, (turns, events) -> turns, so it is tested without a window. */
import type { ChatEventEnvelope } from '../../shared/bridge/chat.ts';
import type { ChatEvent } from '../../shared/engine/types.ts';
import { resultStatus } from '../../shared/engine/result.ts';
import type { Turn } from './turn.ts';

/** One event applied to one turn. */
export function applyChatEvent(t: Turn, event: ChatEvent): Turn {
  switch (event.type) {
    case 'start':
      return { ...t, status: 'streaming', estimate: event.estimate };
    case 'delta':
      return {
        ...t,
        reasoning: t.reasoning + (event.reasoning ?? ''),
        answer: t.answer + (event.content ?? ''),
        retryNote: null,
      };
    case 'retry':
      return {
        ...t,
        retryNote: `${event.reason} Retrying in ${Math.ceil(event.delayMs / 1000)} s (attempt ${event.attempt + 1}).`,
      };
    case 'usage':
      return t;
    case 'end':
      // The result is the whole truth: its text replaces what was pieced together from deltas.
      return {
        ...t,
        result: event.result,
        error: event.result.error,
        reasoning: event.result.reasoning,
        answer: event.result.answer,
        status: resultStatus(event.result),
        retryNote: null,
      };
  }
}

/**
 * A batch of events applied in order. Events of requests no turn holds (another window's, or a session closed
 * since) are ignored; turns the batch does not touch keep their identity, so their views do not re-render.
 */
export function applyChatEvents(turns: readonly Turn[], batch: readonly ChatEventEnvelope[]): Turn[] {
  const byRequest = new Map(turns.map((t, i) => [t.requestId, i]));
  const out = turns.slice();
  for (const { requestId, event } of batch) {
    const i = byRequest.get(requestId);
    if (i !== undefined) out[i] = applyChatEvent(out[i], event);
  }
  return out;
}

/** What a batch means beyond the turns: a request started (the host stored it) or ended (its ledger row is whole). */
export function batchMilestones(batch: readonly ChatEventEnvelope[]): { started: boolean; ended: boolean } {
  return { started: batch.some((e) => e.event.type === 'start'), ended: batch.some((e) => e.event.type === 'end') };
}

/**
 * Splits a frame's batch into what to apply now and what to hold until the frame has painted: once a request's
 * text grows in this batch, or grew earlier and is still waiting to be painted (`unpainted`: text applied at once,
 * before this frame), its later events (the end above all, which re-renders the turn's status, stats, receipt and
 * actions) wait. The frame that shows new text then does only that; the turn settles after it. Order is kept: a
 * held event holds every later event of its request.
 */
export function textFirst(
  batch: readonly ChatEventEnvelope[],
  unpainted: ReadonlySet<string> = new Set(),
): {
  now: ChatEventEnvelope[];
  later: ChatEventEnvelope[];
} {
  const grew = new Set(unpainted);
  const held = new Set<string>();
  const now: ChatEventEnvelope[] = [];
  const later: ChatEventEnvelope[] = [];
  for (const e of batch) {
    const { requestId, event } = e;
    if (held.has(requestId)) later.push(e);
    else if (event.type === 'delta') {
      now.push(e);
      if (event.content || event.reasoning) grew.add(requestId);
    } else if (grew.has(requestId)) {
      held.add(requestId);
      later.push(e);
    } else now.push(e);
  }
  return { now, later };
}

/** The requests whose text grows in a batch. */
export function requestsWithText(batch: readonly ChatEventEnvelope[]): Set<string> {
  const ids = new Set<string>();
  for (const { requestId, event } of batch) if (event.type === 'delta' && (event.content || event.reasoning)) ids.add(requestId);
  return ids;
}
