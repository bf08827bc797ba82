/**
 * Hands bytes to the person as a file. The renderer cannot write files: the browser saves a download, and
 * Electron turns the same download into a save dialog.
 */
export function downloadFile(fileName: string, mime: string, data: Uint8Array | string): void {
  const blob = new Blob([data as BlobPart], { type: mime || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; the download keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
