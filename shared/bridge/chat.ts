import type { ChatEvent } from '../engine/types.ts';
import type { SamplingParams } from '../params/types.ts';

/** One earlier turn of the conversation, sent as context. */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** What goes to the model with one request, by reference to stored attachments. */
export interface AttachmentRef {
  id: string;
  /**
   * Says which image is which, sent as text just before it (e.g. "page 3", "frame 3 at 00:12.4"), so the model
   * and the grounding overlay can tell a request's images apart.
   */
  label?: string;
  /** Where a derived image came from: a page of a stored PDF or a moment of a stored video. */
  source?: { attachmentId: string; page?: number; timeMs?: number };
  /** Text sent just after the image, e.g. a PDF page's text layer. */
  text?: string;
}

export interface ChatRequest {
  providerId: string;
  model?: string;
  thinking: boolean;
  prompt: string;
  attachments: AttachmentRef[];
  history: HistoryTurn[];
  /** Visual-token budget per image (see shared/media). */
  budget?: number;
  sessionId?: string;
  compareGroup?: string;
  /**
   * An id the caller picked (a UUID), so it can match events that arrive before `startChat` resolves: a fast
   * answer or an instant 401 can beat the reply. The host makes one up when absent or already in use.
   */
  requestId?: string;
  /** System prompt and sampling parameters; absent ones are the provider's default and are not sent. */
  params?: SamplingParams;
  /**
   * The request id of the exchange this one follows in the session's tree (absent: a first question). A regenerated
   * answer or an edited question shares its parent with the exchange it is an alternative to.
   */
  parentRequestId?: string;
  /**
   * Continue (issue #10): this request extends the answer of the exchange `requestId`, whose text so far is
   * `answer`. `prompt`, `attachments` and `history` are that exchange's; the partial answer goes last, as the
   * assistant's message. The stored exchange grows in place; this request is its own ledger row, linked to it.
   */
  continues?: { requestId: string; answer: string };
}

export interface ChatApi {
  /** Starts a request and returns its id at once; everything else arrives as {@link ChatEventEnvelope}s. */
  startChat(request: ChatRequest): Promise<{ requestId: string }>;
  /** Cancels a running request; what arrived is kept and the request ends with error kind `cancelled`. */
  cancelChat(requestId: string): Promise<void>;
}

/** A chat event tagged with the request it belongs to, as it crosses the bridge. */
export interface ChatEventEnvelope {
  channel: 'chat';
  requestId: string;
  event: ChatEvent;
}

export const chatMethods = ['startChat', 'cancelChat'] as const;
