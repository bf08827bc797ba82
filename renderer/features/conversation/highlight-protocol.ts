/** Messages between the window and the highlighting worker (highlight-worker.ts, highlight-client.ts). */
import type { HighlightResult } from '@streamdown/code';

export interface HighlightRequest {
  id: number;
  code: string;
  language: string;
  /** Bundled theme names, light then dark (the worker loads them by name). */
  themes: [string, string];
  isIncomplete: boolean;
}

export type HighlightReply = { id: number; ok: true; result: HighlightResult } | { id: number; ok: false; message: string };
