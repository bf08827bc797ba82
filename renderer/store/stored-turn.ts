/** Turns a session's stored exchange (from the host) into the conversation's Turn shape. */
import type { StoredTurn } from '../../shared/bridge/sessions.ts';
import type { Turn } from './conversation-slice.ts';

export function turnFromStored(s: StoredTurn, id: string): Turn {
  const result = s.result ? { ...s.result, boxes: s.result.boxes?.length ? s.result.boxes : s.boxes } : null;
  return {
    id,
    requestId: s.requestId,
    prompt: s.prompt,
    // Previews are filled in once the bytes are read (see loadTurnImages); width and height are known now.
    images: s.attachments.map((a) => ({ name: a.label ?? a.name, previewUrl: '', width: a.width, height: a.height, attachmentId: a.id })),
    providerName: s.providerName,
    model: s.model,
    thinking: s.thinking,
    // 'streaming' here means another window or shell is still answering it; shown as it was last saved.
    status: s.status === 'streaming' ? 'incomplete' : s.status,
    reasoning: s.reasoning,
    answer: s.answer,
    retryNote: null,
    estimate: s.result?.estimate ?? null,
    result,
    error: s.result?.error ?? null,
  };
}
