/**
 * One batch file turned into the attachments its request sends: a PDF's pages at the batch's budget, or the image
 * itself. Shared by the pool (batch-runner.ts), the provider batch API (batch-api.ts) and opening a result
 * (batch-files-methods.ts), so all read, refuse and label a file the same way.
 */
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BatchSpec } from '../../../shared/batch/types.ts';
import type { AttachmentRef } from '../../../shared/bridge/chat.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import type { PreparedImage } from '../media/image-prep.ts';
import { attachPdfPages } from '../media/pdf-attach.ts';
import type { ItemRow } from './batch-store.ts';

export interface AttachedItem {
  refs: AttachmentRef[];
  /** With `prepare`, the image as it will be sent (by attachment id), for ChatService.run's `prepared`. */
  prepared: Map<string, PreparedImage>;
}

const unreadable = (item: ItemRow, e: unknown) =>
  new BadInputError(
    hostMessage('batch.unreadable', { path: item.path, reason: (e as NodeJS.ErrnoException).code ?? 'unreadable' }),
  );

export async function attachItem(
  item: ItemRow,
  spec: BatchSpec,
  attachments: AttachmentStore,
  contextTokens: number | null,
): Promise<AttachmentRef[]> {
  return (await attachItemFor(item, spec, attachments, contextTokens, false)).refs;
}

/** Files up to this size are read in one go. */
const WHOLE_READ_BYTES = 1024 * 1024;

/**
 * `prepare`: the file is about to be sent, so an image is also prepared at the batch's budget while it is stored
 * (one trip to the decode child per file instead of two), and comes back in `prepared`.
 */
export async function attachItemFor(
  item: ItemRow,
  spec: BatchSpec,
  attachments: AttachmentStore,
  contextTokens: number | null,
  prepare: boolean,
): Promise<AttachedItem> {
  const name = basename(item.path);
  const prepared = new Map<string, PreparedImage>();
  if (item.kind === 'pdf') {
    let bytes: Uint8Array;
    try {
      // pdf.js takes a plain Uint8Array, not a Buffer.
      bytes = new Uint8Array(readFileSync(item.path));
    } catch (e) {
      throw unreadable(item, e);
    }
    const refs = await attachPdfPages(attachments, bytes, {
      name,
      pages: spec.pages,
      password: null,
      budget: spec.budget,
      withText: spec.pdfText,
      contextTokens,
    });
    return { refs, prepared };
  }
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(item.path, 'r');
  } catch (e) {
    throw unreadable(item, e);
  }
  let stored: Awaited<ReturnType<AttachmentStore['putPrepared']>>;
  try {
    // A small file is one read into one buffer (a stream's objects cost more than its bytes); a big one is
    // streamed, so sixteen 20 MB scans in flight are a few chunks each, not 320 MB.
    const { size } = await file.stat();
    const chunks = size <= WHOLE_READ_BYTES ? [await file.readFile()] : file.createReadStream({ autoClose: false });
    stored = prepare
      ? await attachments.putPrepared({ name }, chunks, spec.budget)
      : { info: await attachments.putStream({ name }, chunks), prepared: null };
  } catch (e) {
    // A read that fails half way (a file on a network share that went away) is the file's fault, like a failed open.
    if ((e as NodeJS.ErrnoException).syscall === 'read') throw unreadable(item, e);
    throw e;
  } finally {
    await file.close();
  }
  const { info } = stored;
  if (info.kind !== 'image') throw new BadInputError(hostMessage('batch.not-an-image', { path: item.path, kind: info.kind }));
  if (stored.prepared) prepared.set(info.id, stored.prepared);
  return { refs: [{ id: info.id }], prepared };
}
