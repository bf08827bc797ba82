/** Natural pixel size of an image URL, decoded once per URL (turn images are blob: URLs that never change). */
const sizes = new Map<string, Promise<HTMLImageElement>>();

export function loadImage(src: string): Promise<HTMLImageElement> {
  let p = sizes.get(src);
  if (!p) {
    const img = new Image();
    img.src = src;
    p = img.decode().then(() => img);
    p.catch(() => sizes.delete(src));
    sizes.set(src, p);
  }
  return p;
}

export async function naturalSize(src: string): Promise<{ width: number; height: number }> {
  const img = await loadImage(src);
  return { width: img.naturalWidth, height: img.naturalHeight };
}

/**
 * An image URL as a PNG file, through a canvas: the CSP's connect-src does not allow fetch() of blob: URLs,
 * while img-src does. Used to attach an earlier question's image again.
 */
export async function imageAsFile(src: string, name: string): Promise<File> {
  const img = await loadImage(src);
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  canvas.getContext('2d')!.drawImage(img, 0, 0);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be encoded.'))), 'image/png'),
  );
  return new File([blob], name.replace(/\.[a-z0-9]+$/i, '') + '.png', { type: 'image/png' });
}
