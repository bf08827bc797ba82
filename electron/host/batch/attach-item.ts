/**
 * One batch file turned into the attachments its request sends: a PDF's pages at the batch's budget, or the image
 * itself. Shared by the pool (batch-runner.ts) and the provider batch API (batch-api.ts), so both read, refuse
 * and label a file the same way.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BatchSpec } from '../../../shared/batch/types.ts';
import type { AttachmentRef } from '../../../shared/bridge/chat.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import { attachPdfPages } from '../media/pdf-attach.ts';
import type { ItemRow } from './batch-store.ts';

export async function attachItem(
  item: ItemRow,
  spec: BatchSpec,
  attachments: AttachmentStore,
  contextTokens: number | null,
): Promise<AttachmentRef[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(item.path));
  } catch (e) {
    throw new BadInputError(
      hostMessage('batch.unreadable', { path: item.path, reason: (e as NodeJS.ErrnoException).code ?? 'unreadable' }),
    );
  }
  const name = basename(item.path);
  if (item.kind === 'pdf')
    return attachPdfPages(attachments, bytes, {
      name,
      pages: spec.pages,
      password: null,
      budget: spec.budget,
      withText: spec.pdfText,
      contextTokens,
    });
  const info = await attachments.put({ name, mime: '', bytes });
  if (info.kind !== 'image') throw new BadInputError(hostMessage('batch.not-an-image', { path: item.path, kind: info.kind }));
  return [{ id: info.id }];
}
