/** Messages between the window and the PDF render worker (./worker.ts). */

export type ToWorker =
  | { type: 'open'; id: number; key: string; bytes: Uint8Array; password?: string; base: string }
  | { type: 'close'; key: string }
  | { type: 'render'; id: number; key: string; page: number; width: number; height: number; as: 'bitmap' | 'png' }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { id: number; ok: true; bitmap?: ImageBitmap; png?: Blob }
  | { id: number; ok: false; message: string; cancelled?: boolean };
