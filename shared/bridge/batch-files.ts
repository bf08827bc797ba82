/**
 * Files in and results out of the Batch view (issue #13): files and folders dropped on the view reach the host as
 * paths (the desktop app) or as uploads staged into a folder of the data dir (the browser shell, which has no
 * paths), and a file's result opens in the answer view as a session of its own with its boxes on its pictures.
 */

/** One dropped file the browser shell uploaded (`putAttachment`), with where it sat under what was dropped. */
export interface StagedUpload {
  attachmentId: string;
  /** Relative, `/`-separated ("receipts/2024/a.png"): becomes its path under the staged folder. */
  path: string;
}

/** Files one call stages: the call stays well under the browser shell's 2 MB body (a view sends more in several). */
export const MAX_STAGED = 5_000;

export interface StageBatchFilesInput {
  files: StagedUpload[];
}

/** The folder the uploads now sit in, on the host's disk: what the batch's inputs name. */
export interface StagedFolder {
  dir: string;
  files: number;
}

export interface BatchResultRef {
  batchId: string;
  idx: number;
}

export interface BatchFilesApi {
  /** Lays uploaded files out in a new folder of the data dir, under their dropped paths, for a batch to read. */
  stageBatchFiles(input: StageBatchFilesInput): Promise<StagedFolder>;
  /**
   * A finished file's question and answer as a session (made once, then reused), with the pictures sent, so the
   * usual answer view shows it with its boxes. Returns the session to open.
   */
  openBatchResult(ref: BatchResultRef): Promise<{ sessionId: string }>;
}

/**
 * What the desktop preload adds beside the bridge: the path on disk of a File the person dropped or picked
 * (Electron's webUtils.getPathForFile), or null when it has none. Whatever it returns is only a claim: the host
 * checks every path it is given (shared/bridge/batch-schema.ts and the batch planner).
 */
export interface LocalFilePaths {
  pathForFile(file: object): string | null;
}

export const batchFilesMethods = ['stageBatchFiles', 'openBatchResult'] as const;
