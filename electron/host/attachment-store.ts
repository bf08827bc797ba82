/**
 * Attachments stored once, content-addressed by SHA-256, under `<dataDir>/attachments/ab/abcdef...`.
 * Metadata lives in SQLite so sessions can reference attachments and unused ones can be collected.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentInfo, AttachmentUpload } from '../../shared/bridge/attachments.ts';
import { BadInputError } from './bad-input.ts';
import type { Db } from './db.ts';
import { imageSize } from './media/image-prep.ts';
import { sniff } from './media/sniff.ts';

interface Row {
  id: string;
  name: string;
  mime: string;
  kind: AttachmentInfo['kind'];
  size: number;
  width: number | null;
  height: number | null;
}

export class AttachmentStore {
  private readonly db: Db;
  private readonly root: string;
  constructor(db: Db, dataDir: string) {
    this.db = db;
    this.root = join(dataDir, 'attachments');
  }

  pathOf(id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new BadInputError('Unknown attachment.');
    return join(this.root, id.slice(0, 2), id);
  }

  async put(upload: AttachmentUpload): Promise<AttachmentInfo> {
    const bytes = upload.bytes;
    if (!bytes || bytes.length === 0) throw new BadInputError(`“${upload.name}” is empty.`);
    const kind = sniff(bytes);
    if (!kind) {
      throw new BadInputError(`“${upload.name}” is not an image, PDF or video Glimpse can read (PNG, JPEG, WebP, GIF, BMP, HEIC, AVIF, PDF, MP4, WebM, MOV).`);
    }
    const size = kind.kind === 'image' ? await imageSize(bytes, upload.name) : null;
    const id = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(id);
    if (!existsSync(path)) {
      mkdirSync(join(this.root, id.slice(0, 2)), { recursive: true });
      // Write then rename, so a crash or a full disk never leaves a truncated file under the final name.
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
    }
    this.db
      .prepare(
        `INSERT INTO attachments (id, name, mime, kind, size, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO NOTHING`,
      )
      .run(id, upload.name, kind.mime, kind.kind, bytes.length, size?.width ?? null, size?.height ?? null, Date.now());
    const info = this.info(id)!;
    return size?.damaged ? { ...info, notice: `“${upload.name}” is damaged (${size.damaged}); what could be read is sent.` } : info;
  }

  info(id: string): AttachmentInfo | null {
    const r = this.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as unknown as Row | undefined;
    return r ? { id: r.id, name: r.name, mime: r.mime, kind: r.kind, size: r.size, width: r.width, height: r.height } : null;
  }

  read(id: string): AttachmentUpload {
    const info = this.info(id);
    if (!info) throw new BadInputError('That attachment is no longer stored.');
    return { name: info.name, mime: info.mime, bytes: new Uint8Array(readFileSync(this.pathOf(id))) };
  }
}
