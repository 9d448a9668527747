/** The longest side a photo is drawn at before it is sent (the server takes at most 4096). */
const MAX_SIDE = 1600;

/** A photo shrunk and re-encoded as JPEG before it is sent (which also drops the place the phone recorded). */
export async function shrinkPhoto(file: File): Promise<File> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    if (!blob) throw new Error('encode');
    return new File([blob], `${file.name.replace(/\.[^.]*$/u, '') || 'anh'}.jpg`, { type: 'image/jpeg' });
  } finally {
    bitmap.close();
  }
}
