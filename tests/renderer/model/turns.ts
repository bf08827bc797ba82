/** Turns and results for the model and store tests: only the fields a test is about are given. */
import type { ChatEventEnvelope } from '../../../shared/bridge/chat.ts';
import { emptyFailedResult } from '../../../shared/engine/result.ts';
import type { ChatEvent, ChatResult, ErrorKind } from '../../../shared/engine/types.ts';
import { sendingTurn, type Turn } from '../../../renderer/model/turn.ts';

export function turn(id: string, patch: Partial<Turn> = {}): Turn {
  return {
    ...sendingTurn({
      id,
      parentId: null,
      requestId: `r-${id}`,
      prompt: `q ${id}`,
      images: [],
      providerName: 'Z.AI',
      model: 'glm-4.5v',
      thinking: true,
    }),
    status: 'done',
    ...patch,
  };
}

export function result(answer: string, errorKind: ErrorKind | null = null): ChatResult {
  const r = emptyFailedResult({ kind: errorKind ?? 'server', status: null, code: null, message: 'failed', retry_after_s: null });
  return { ...r, answer, reasoning: `thought about ${answer}`, error: errorKind ? r.error : null };
}

export const env = (requestId: string, event: ChatEvent): ChatEventEnvelope => ({ channel: 'chat', requestId, event });
