/**
 * Turns what was dropped or picked on the Batch view into files with their paths under the drop. file-selector
 * (react-dropzone's reader) walks dropped folders with the File and Directory Entries API and marks each file with
 * its path ("/scans/2024/a.png"); a picked folder's files carry webkitRelativePath. Hidden files and OS litter are
 * left out, as the host's planner leaves them out.
 */
import { type FileWithPath, fromEvent } from 'file-selector';
import { type DroppedFile, isLitter, stagedPath } from '../../model/batch-drop.ts';

function keep(files: readonly FileWithPath[]): DroppedFile<File>[] {
  const out: DroppedFile<File>[] = [];
  for (const file of files) {
    const path = stagedPath(file.relativePath || file.webkitRelativePath || file.name);
    if (path && !path.split('/').some(isLitter)) out.push({ file, path });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The files of a drop, folders walked. Called from the drop handler itself: the browser empties the drop after. */
export async function readDrop(event: DragEvent): Promise<DroppedFile<File>[]> {
  return keep((await fromEvent(event)) as FileWithPath[]);
}

/** A picker's files (a folder picked with webkitdirectory, or several files), each with its path under the pick. */
export async function pickedFiles(event: Event): Promise<DroppedFile<File>[]> {
  return keep((await fromEvent(event)) as FileWithPath[]);
}
