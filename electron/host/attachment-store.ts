/**
 * Attachments stored once, content-addressed by SHA-256, under `<dataDir>/attachments/ab/abcdef...`.
 * Metadata lives in SQLite so sessions can reference attachments and unused ones can be collected.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type { StatementSync } from 'node:sqlite';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import type { AttachmentInfo, AttachmentUpload } from '../../shared/bridge/attachments.ts';
import { BadInputError } from './bad-input.ts';
import type { Db } from './db.ts';
import { imageSize, type PreparedImage, prepareImage } from './media/image-prep.ts';
import { JUNK_SCAN, sniff } from './media/sniff.ts';
import { hostMessage } from '../../shared/messages/messages.ts';

/** How much of the start of an upload is kept to tell its kind (sniff.ts looks this far for junk before a JPEG). */
const HEAD_BYTES = JUNK_SCAN + 16;

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
  /** Folders known to exist: a batch stores thousands of files, each would otherwise cost two mkdir calls. */
  private readonly made = new Set<string>();
  private readonly stmts = new Map<string, StatementSync>();
  constructor(db: Db, dataDir: string) {
    this.db = db;
    this.root = join(dataDir, 'attachments');
  }

  /** Compiled once: info() runs several times per request. */
  private stmt(sql: string): StatementSync {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private ensureDir(dir: string): void {
    if (this.made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }

  pathOf(id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new BadInputError(hostMessage('attachment.unknown'));
    return join(this.root, id.slice(0, 2), id);
  }

  async put(upload: AttachmentUpload): Promise<AttachmentInfo> {
    return this.putStream({ name: upload.name }, [upload.bytes ?? new Uint8Array(0)]);
  }

  /**
   * Stores a file as it arrives (a browser upload of a 250 MB clip): written to a temp file in the attachments
   * folder while its SHA-256 is computed, sniffed from its first bytes, and renamed to its content address, so
   * memory stays at a chunk or two whatever the size. Images are checked by the decode child, which reads the
   * file itself. Anything refused leaves no file behind.
   */
  async putStream(meta: { name: string }, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<AttachmentInfo> {
    return (await this.store(meta, chunks, null)).info;
  }

  /**
   * Like putStream, and an image is also prepared for sending at `budget` in the same trip to the decode child
   * that checks it (its original size comes back with the prepared image): a batch file costs one decode, not a
   * probe and then a decode of the same bytes. `prepared` is null for anything that is not an image.
   */
  async putPrepared(
    meta: { name: string },
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    budget: number,
  ): Promise<{ info: AttachmentInfo; prepared: PreparedImage | null }> {
    return this.store(meta, chunks, budget);
  }

  private async store(
    meta: { name: string },
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    budget: number | null,
  ): Promise<{ info: AttachmentInfo; prepared: PreparedImage | null }> {
    this.ensureDir(this.root);
    const tmp = join(this.root, `upload-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      const { id, size, head } = await this.receive(tmp, chunks);
      if (size === 0) throw new BadInputError(hostMessage('file.empty', { name: meta.name }));
      const kind = sniff(head);
      if (!kind) {
        throw new BadInputError(hostMessage('file.unknown-kind', { name: meta.name }));
      }
      const prepared = kind.kind === 'image' && budget !== null ? await prepareImage({ path: tmp }, budget, meta.name) : null;
      const dims = prepared
        ? { ...prepared.source, damaged: prepared.damaged }
        : kind.kind === 'image'
          ? await imageSize({ path: tmp }, meta.name)
          : null;
      const path = this.pathOf(id);
      this.ensureDir(join(this.root, id.slice(0, 2)));
      // Rename only once complete and checked, so a crash or a full disk never leaves a truncated file under the final name.
      if (existsSync(path)) rmSync(tmp, { force: true });
      else renameSync(tmp, path);
      this.stmt(
        `INSERT INTO attachments (id, name, mime, kind, size, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO NOTHING`,
      ).run(id, meta.name, kind.mime, kind.kind, size, dims?.width ?? null, dims?.height ?? null, Date.now());
      const info = this.info(id)!;
      const damaged = hostMessage('image.damaged-sent', { name: meta.name, reason: dims?.damaged ?? '' });
      return { info: dims?.damaged ? { ...info, notice: damaged.message, noticeText: damaged } : info, prepared };
    } catch (e) {
      // A folder removed behind our back (the data folder cleaned by hand): the next file makes it again.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') this.made.clear();
      throw e;
    } finally {
      rmSync(tmp, { force: true });
    }
  }

  /** Writes the chunks to `file`, hashing them; keeps the first bytes for sniffing. */
  private async receive(file: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    const hash = createHash('sha256');
    const out = createWriteStream(file);
    const headParts: Uint8Array[] = [];
    let size = 0;
    let headSize = 0;
    // Errors from the source (too large, a dropped connection) end the write stream too, via pipeline.
    await pipeline(
      (async function* () {
        for await (const chunk of chunks) {
          hash.update(chunk);
          size += chunk.length;
          if (headSize < HEAD_BYTES) {
            headParts.push(chunk.subarray(0, HEAD_BYTES - headSize));
            headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
          }
          yield chunk;
        }
      })(),
      out,
    );
    return { id: hash.digest('hex'), size, head: new Uint8Array(Buffer.concat(headParts)) };
  }

  info(id: string): AttachmentInfo | null {
    const r = this.stmt('SELECT * FROM attachments WHERE id = ?').get(id) as unknown as Row | undefined;
    return r ? { id: r.id, name: r.name, mime: r.mime, kind: r.kind, size: r.size, width: r.width, height: r.height } : null;
  }

  read(id: string): AttachmentUpload {
    const info = this.info(id);
    if (!info) throw new BadInputError(hostMessage('attachment.gone'));
    return { name: info.name, mime: info.mime, bytes: new Uint8Array(readFileSync(this.pathOf(id))) };
  }
}
