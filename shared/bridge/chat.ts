import type { ChatEvent } from '../engine/types.ts';

/** One earlier turn of the conversation, sent as context. */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** What goes to the model with one request, by reference to stored attachments. */
export interface AttachmentRef {
  id: string;
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
