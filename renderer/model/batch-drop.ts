/**
 * What the Batch view makes of files and folders dropped or picked (issue #13), as pure data. The desktop app
 * knows each File's path (the preload's pathForFile); the browser shell does not, and uploads instead, each file
 * under the path it had inside what was dropped, so the staged folder keeps the folders' shape and the names.
 */

/** A file to upload, and where it sat under the drop ("scans/2024/a.png"). */
export interface DroppedFile<F> {
  file: F;
  path: string;
}

/**
 * The folder a directory picker returned, from one of its files: the file's full path minus its path under the
 * picked folder, plus that folder's name. Works with either separator; null when the two do not line up.
 */
export function pickedFolder(fullPath: string, relativePath: string): string | null {
  const parts = relativePath.split('/').filter(Boolean);
  if (parts.length < 2) return null;
  const sep = fullPath.includes('\\') && !fullPath.includes('/') ? '\\' : '/';
  const tail = parts.slice(1).join(sep);
  if (!fullPath.endsWith(sep + tail)) return null;
  const folder = fullPath.slice(0, fullPath.length - tail.length - 1);
  return folder.endsWith(sep + parts[0]) || folder === parts[0] ? folder : null;
}

/** Files a person never means to send: hidden files and the OS's folder litter. */
export function isLitter(name: string): boolean {
  return name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';
}

/**
 * A dropped entry's path as the host's staging accepts it: `/`-separated plain names, no leading `/`, no `.` or
 * `..` (the entries API gives "/scans/a.png"; a picked folder "scans/a.png").
 */
export function stagedPath(path: string): string | null {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (!parts.length || parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0'))) return null;
  return parts.join('/');
}

/** Adds paths to the typed list (one per line), keeping what was typed and never listing one twice. */
export function withPaths(typed: string, paths: readonly string[]): string {
  const lines = typed
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const seen = new Set(lines);
  for (const p of paths) {
    if (!seen.has(p)) {
      seen.add(p);
      lines.push(p);
    }
  }
  return lines.join('\n');
}
