/** The zod schemas of the attachment methods' arguments (see arg-schemas.ts), checked to agree with ./attachments.ts. */
import { z } from 'zod';
import { attachmentIdSchema, MAX_NAME, type Agree, type Check } from './schema-kit.ts';
import type { AttachmentUpload } from './attachments.ts';

/** `putAttachment`'s argument: the bytes must arrive as bytes (IPC and the upload route), never as JSON. */
export const attachmentUploadSchema = z.object({
  name: z.string().max(MAX_NAME),
  mime: z.string().max(MAX_NAME),
  bytes: z.instanceof(Uint8Array),
});

/** `getAttachment`'s argument. */
export const getAttachmentSchema = attachmentIdSchema;

export type AttachmentSchemasAgree = Check<Agree<z.output<typeof attachmentUploadSchema>, AttachmentUpload>>;
