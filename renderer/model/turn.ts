/**
 * The conversation's messages as the renderer holds them. Each turn (a question and its answer) has an id and a
 * parent id, so the conversation is a tree ready for regenerate and branch; what is shown is the path from the
 * root to the current leaf (see thread.ts). Lanes of one compare are siblings: the same parent, one group.
 */
import type { ChatRequest } from '../../shared/bridge/chat.ts';
import type { LaneLabel } from '../../shared/compare/lanes.ts';
import type { SentMediaKind } from '../../shared/bridge/sessions.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import type { ContinueMode } from '../../shared/params/continuation.ts';
import { isRunningStatus } from '../../shared/engine/result.ts';
import type { ChatError, ChatResult, ErrorKind, Estimate } from '../../shared/engine/types.ts';

/** `incomplete`: reopened from a session whose request never ended (Glimpse was closed or killed mid-answer). */
export type TurnStatus = 'sending' | 'streaming' | 'done' | 'error' | 'cancelled' | 'incomplete';

/** An image of a turn, carrying what it was to the model: boxes are assigned by these fields, never by its name. */
export interface TurnImage {
  /** What a person reads under it: the file name, with the page or frame for derived images. */
  name: string;
  previewUrl: string;
  width: number | null;
  height: number | null;
  /** The stored image that was sent (null only for a turn whose image was never stored). */
  attachmentId: string | null;
  /** The label sent just before it ("page 3", "frame 2 at 00:01.5"); null for a plain image. */
  label: string | null;
  /** A plain image, a PDF page, a clip's frame, or a clip's poster when the clip itself went as video. */
  kind: SentMediaKind;
}

/** Failures of the bridge itself, as the host or the transport named them (renderer/bridge/bridge-error.ts). */
export type HostFailureKind = 'host-unreachable' | 'forbidden' | 'internal' | 'disk-full';

/** A turn's error: the provider's or engine's kinds, or the bridge's own when the request never started. */
export interface TurnError extends Omit<ChatError, 'kind'> {
  kind: ErrorKind | HostFailureKind;
}

export interface Turn {
  id: string;
  /** The turn this one follows; null for the first question of a conversation. */
  parentId: string | null;
  requestId: string | null;
  prompt: string;
  images: TurnImage[];
  providerName: string;
  model: string;
  thinking: boolean;
  status: TurnStatus;
  reasoning: string;
  answer: string;
  retryNote: string | null;
  estimate: Estimate | null;
  result: ChatResult | null;
  error: TurnError | null;
  /** Set on the lanes of a compare (issue #7): lanes sharing it are shown as one item, side by side. */
  compareGroup?: string;
  /** The lane's short name in its compare (thinking vs fast, "Z.AI"…), as parts the window words in its language. */
  laneLabel?: LaneLabel;
  /** The system prompt and parameters it was sent with (absent: all the provider's defaults). */
  params?: SamplingParams;
  /** When it was asked: siblings (regenerations, edits) are numbered in this order. */
  createdAt?: number;
  /** The request as sent from this window (for View code and regenerate); rebuilt for a reopened session. */
  request?: ChatRequest;
  /** While Continue extends this turn's answer: its request and what the answer held before (continuation.ts). */
  continuing?: Continuing;
}

/** A Continue in flight: the request extending the answer, and the answer as it stood when it was sent. */
export interface Continuing {
  requestId: string;
  mode: ContinueMode;
  answer: string;
  reasoning: string;
  result: ChatResult | null;
}

/** What is blank on a turn when it is sent. */
export type SentTurn = Omit<Turn, 'status' | 'reasoning' | 'answer' | 'retryNote' | 'estimate' | 'result' | 'error'>;

/** A turn as it goes out, nothing back yet: a single ask and each lane of a compare start the same way. */
export function sendingTurn(t: SentTurn): Turn {
  return { ...t, status: 'sending', reasoning: '', answer: '', retryNote: null, estimate: null, result: null, error: null };
}

/** Whether the turn's request is still in flight (sent, or streaming). */
export const isRunning = (t: Pick<Turn, 'status'>): boolean => isRunningStatus(t.status);

/** The images the model received as images, in order: the indices boxes refer to (a clip sent whole is none). */
export function imagesSeen<T extends Pick<TurnImage, 'kind'>>(images: readonly T[]): T[] {
  return images.filter((im) => im.kind !== 'video');
}
