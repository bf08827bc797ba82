/**
 * Working without a key (issue #11): the local model servers found on this computer, Local OCR's languages, and
 * whether the first-run guide was done.
 */

/** One model a local server lists; `vision` is what the server says about images, null when it does not say. */
export interface LocalServerModel {
  id: string;
  vision: boolean | null;
}

/** A model server that answered on the loopback address. */
export interface LocalServer {
  /** The catalog entry it is added as (its thinking dialect): ollama, lmstudio, vllm, sglang or llamacpp. */
  catalogId: string;
  /** "Ollama", "LM Studio", ... */
  name: string;
  /** The OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1. */
  baseUrl: string;
  /** Vision-capable models first (where the server says), then the rest in the server's order. */
  models: LocalServerModel[];
}

/** The last scan: what answered, and when it ran (null before any scan finished). */
export interface LocalServerScan {
  servers: LocalServer[];
  scannedAt: number | null;
}

/** What Local OCR can read with, and the first-run guide's state. */
export interface LocalOcrInfo {
  /** Installed language codes, e.g. ["eng", "chi_sim"]. */
  languages: { code: string; name: string }[];
  /** Workers at most (cores - 1). */
  workers: number;
  /** Whether the first-run guide was finished or skipped once. */
  guideDone: boolean;
}

export interface LocalOcrApi {
  /** The servers found: the start-up scan's result, or a new scan when `fresh` (the "Scan" button). */
  scanLocalServers(fresh?: boolean): Promise<LocalServerScan>;
  getLocalOcrInfo(): Promise<LocalOcrInfo>;
  /** Remembers that the guide was done (or asks for it again with false). */
  setGuideDone(done: boolean): Promise<void>;
  /**
   * Starts a Local OCR worker for these languages (e.g. `eng+chi_sim`) in the background, so the next page sent
   * does not wait for one to start. Returns at once; a language that is not installed is refused.
   */
  warmLocalOcr(languages: string): Promise<void>;
}

export const localOcrMethods = ['scanLocalServers', 'getLocalOcrInfo', 'setGuideDone', 'warmLocalOcr'] as const;
