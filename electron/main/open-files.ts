/**
 * Files the OS hands the app: on the command line of the first or a second launch, "Open with Glimpse", a file
 * dropped on the dock icon (macOS `open-file`). Read here and sent to the window, which attaches them the way it
 * attaches dropped files; whatever cannot be read is named in the message the window shows.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { OpenedFile } from '../../shared/bridge/desktop.ts';

/** Above this a file is refused before it is read (the host's own upload cap is of this order). */
export const MAX_OPEN_BYTES = 512 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
};

/**
 * The file arguments of a launch: everything after the executable (and after the app folder when Electron runs an
 * unpackaged app, `electron .`), minus switches Chromium or the OS added.
 */
export function fileArgs(argv: readonly string[], packaged: boolean): string[] {
  return argv.slice(packaged ? 1 : 2).filter((a) => a && !a.startsWith('-'));
}

export interface ReadFiles {
  files: OpenedFile[];
  refused: string[];
}

export function readOpenedFiles(paths: readonly string[], cwd: string): ReadFiles {
  const files: OpenedFile[] = [];
  const refused: string[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    const name = basename(full);
    try {
      const st = statSync(full);
      if (!st.isFile()) {
        refused.push(`${name}: not a file.`);
        continue;
      }
      if (st.size > MAX_OPEN_BYTES) {
        refused.push(`${name}: larger than ${MAX_OPEN_BYTES / 1024 / 1024} MB.`);
        continue;
      }
      files.push({ name, mime: MIME[extname(name).toLowerCase()] ?? '', bytes: new Uint8Array(readFileSync(full)) });
    } catch (e) {
      refused.push(`${name}: could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  }
  return { files, refused };
}
