/** What a turn's view shows apart from its text: the same (shallowly) after a delta, so a delta does not re-render it. */
import type { Turn } from './turn.ts';

export interface TurnOutline
  extends Pick<
    Turn,
    'id' | 'images' | 'prompt' | 'providerName' | 'model' | 'thinking' | 'status' | 'retryNote' | 'error' | 'result' | 'estimate'
  > {
  hasAnswer: boolean;
  hasReasoning: boolean;
}

/** A turn without its text, only whether it has some. Compare two with `shallow`: equal unless the view must change. */
export function turnOutline(t: Turn): TurnOutline {
  return {
    id: t.id,
    images: t.images,
    prompt: t.prompt,
    providerName: t.providerName,
    model: t.model,
    thinking: t.thinking,
    status: t.status,
    retryNote: t.retryNote,
    error: t.error,
    result: t.result,
    estimate: t.estimate,
    hasAnswer: t.answer.length > 0,
    hasReasoning: t.reasoning.length > 0,
  };
}
