import { SESSION_PHOTO_RESIZE_SIDE } from '@tds/contracts';

/** The size a photo is drawn at: its own when it fits, else scaled so its longest side is `max`. Pure: unit-tested. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** "IMG_0001.HEIC" -> "IMG_0001.jpg" (what the server is sent is always a JPEG). */
export const jpegName = (name: string) => `${name.replace(/\.[^.]*$/u, '') || 'anh'}.jpg`;

/** The photo decoded upright: createImageBitmap with the EXIF orientation where the browser has it, else an <img>. */
async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const b = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: b, width: b.width, height: b.height, close: () => b.close() };
    } catch {
      /* an older browser without the options, or a format it cannot: try an <img> */
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A photo shrunk before it is sent (a village with weak signal sends little): longest side at most
 * SESSION_PHOTO_RESIZE_SIDE, re-encoded as JPEG at about 0.8. Re-encoding also drops the EXIF data
 * (the place the phone recorded). Throws when the browser cannot read the picture.
 */
export async function shrinkPhoto(file: File, max = SESSION_PHOTO_RESIZE_SIDE, quality = 0.8): Promise<File> {
  const img = await decode(file);
  try {
    const size = fitWithin(img.width, img.height, max);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas');
    ctx.fillStyle = '#fff'; // a transparent PNG becomes white, not black
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(img.source, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob) throw new Error('encode');
    return new File([blob], jpegName(file.name), { type: 'image/jpeg' });
  } finally {
    img.close();
  }
}
