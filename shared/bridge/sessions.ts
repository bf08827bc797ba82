/**
 * Sessions on the bridge: conversations the host keeps in SQLite, so they reopen after a restart. The host
 * writes them itself from the chat stream (a request's `sessionId`); the renderer only lists, reads, renames,
 * deletes, searches and exports.
 */
import type { AttachmentInfo } from './attachments.ts';
import type { Box, ChatResult } from '../engine/types.ts';
import type { SamplingParams } from '../params/types.ts';

/** One row of the sessions list. */
export interface SessionSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Number of exchanges (user messages). */
  turns: number;
  /** When listed by a search: a short piece of the text that matched. */
  snippet: string | null;
}

/**
 * Where an assistant message stands. `incomplete`: the host stopped before the request ended (a crash or kill);
 * the text kept is what had been saved while it streamed.
 */
export type MessageStatus = 'streaming' | 'done' | 'error' | 'cancelled' | 'incomplete';

/**
 * What a sent file was to the model: a plain image, a rendered page of a PDF, a sampled frame of a clip, or a
 * clip sent whole as video (no image at all, so no box can land on it).
 */
export type SentMediaKind = 'image' | 'page' | 'frame' | 'video';

/** An attachment of a stored user message, with the label it was sent with, if any. */
export interface MessageAttachment extends AttachmentInfo {
  label: string | null;
  /** What it was sent as; null for messages stored before this was recorded (read them by label and file kind). */
  sentAs: SentMediaKind | null;
}

/** One exchange as stored: the user's message and the assistant's answer to it. */
export interface StoredTurn {
  /** The user message's id. */
  id: string;
  requestId: string | null;
  prompt: string;
  attachments: MessageAttachment[];
  providerName: string;
  model: string;
  thinking: boolean;
  status: MessageStatus;
  reasoning: string;
  answer: string;
  boxes: Box[];
  /** The final result as the engine gave it (null while streaming or when interrupted). */
  result: ChatResult | null;
  createdAt: number;
  /** The id of the stored turn this one follows (a tree: siblings are regenerations or edits); null at the root. */
  parentId: string | null;
  /** The system prompt and parameters it was sent with; null when all were the provider's defaults. */
  params: SamplingParams | null;
  /** The compare it was a lane of (from the ledger); null for a single ask. */
  compareGroup?: string | null;
}

export interface SessionDetail {
  session: SessionSummary;
  turns: StoredTurn[];
}

export type SessionExportFormat = 'markdown' | 'json';

/** A file for the person to save: Markdown comes as a zip (the .md plus its images), JSON as one file. */
export interface SessionExportFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

export interface SessionApi {
  /** Sessions, newest first; with `search`, only those whose title or messages contain the text. */
  listSessions(query?: { search?: string | null; limit?: number | null }): Promise<SessionSummary[]>;
  getSession(id: string): Promise<SessionDetail>;
  renameSession(input: { id: string; title: string }): Promise<SessionSummary>;
  /** Deletes the session and the attachments no other message uses. The ledger keeps its rows. */
  deleteSession(id: string): Promise<void>;
  /** Markdown follows the branch ending at `leafRequestId` (default: the newest exchange); JSON holds every branch. */
  exportSession(input: { id: string; format: SessionExportFormat; leafRequestId?: string }): Promise<SessionExportFile>;
}

export const sessionMethods = ['listSessions', 'getSession', 'renameSession', 'deleteSession', 'exportSession'] as const;
