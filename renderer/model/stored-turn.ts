/** A session's stored exchange (from the host) rebuilt as a turn of the conversation. */
import type { MessageAttachment, StoredTurn } from '../../shared/bridge/sessions.ts';
import { legacySentKind } from '../../shared/media/sent-kind.ts';
import type { Turn, TurnImage } from './turn.ts';

/**
 * An image as stored: its kind as recorded when it was sent, or, for messages stored before kinds were, read
 * from its label and its file's kind. The name shown is its label when it had one, else the file's name.
 */
export function imageFromStored(a: MessageAttachment): TurnImage {
  const kind = a.sentAs ?? legacySentKind(a.label, a.kind);
  return {
    name: a.label ?? a.name,
    // Filled in once the bytes are read; width and height are known now.
    previewUrl: '',
    width: a.width,
    height: a.height,
    attachmentId: a.id,
    label: a.label,
    kind,
  };
}

export function turnFromStored(s: StoredTurn, id: string, parentId: string | null): Turn {
  const result = s.result ? { ...s.result, boxes: s.result.boxes?.length ? s.result.boxes : s.boxes } : null;
  return {
    id,
    parentId,
    requestId: s.requestId,
    prompt: s.prompt,
    images: s.attachments.map(imageFromStored),
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
    createdAt: s.createdAt,
    ...(s.params ? { params: s.params } : {}),
    ...(s.compareGroup ? { compareGroup: s.compareGroup } : {}),
  };
}
