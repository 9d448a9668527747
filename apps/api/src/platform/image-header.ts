/**
 * The type and size of a JPEG, PNG or WebP image read from its first bytes, without decoding it:
 * the type from the magic bytes (never from the name or the type the browser claims), the size
 * from the header (PNG IHDR, JPEG start-of-frame, WebP VP8/VP8L/VP8X). Pure: unit-tested.
 */
export type ImageType = 'jpeg' | 'png' | 'webp';
export type ImageHeader = { ok: true; type: ImageType; mime: string; width: number; height: number } | { ok: false; problem: 'unsupported' | 'corrupt' };

const MIME: Record<ImageType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, at: number, len: number) => (b.length >= at + len ? String.fromCharCode(...b.subarray(at, at + len)) : '');
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

const ok = (type: ImageType, width: number, height: number): ImageHeader =>
  width > 0 && height > 0 ? { ok: true, type, mime: MIME[type], width, height } : { ok: false, problem: 'corrupt' };
const corrupt: ImageHeader = { ok: false, problem: 'corrupt' };

export function readImageHeader(b: Uint8Array): ImageHeader {
  if (startsWith(b, PNG_SIGNATURE)) return png(b);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpeg(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  return { ok: false, problem: 'unsupported' };
}

/** PNG: the first chunk is IHDR (13 bytes: width, height, ...). */
function png(b: Uint8Array): ImageHeader {
  if (b.length < 33 || u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return corrupt;
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  if (width > 0x7fffffff || height > 0x7fffffff) return corrupt;
  return ok('png', width, height);
}

/** Start-of-frame markers carry the size: C0-CF except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** JPEG: walk the segments from SOI to the first start-of-frame (the scan or the end before it: corrupt). */
function jpeg(b: Uint8Array): ImageHeader {
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) return corrupt;
    while (at < b.length && b[at] === 0xff) at++; // fill bytes
    if (at >= b.length) return corrupt;
    const marker = b[at++]!;
    // Markers without a length: TEM and the restart markers (none belongs before a frame, but they are harmless).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) return corrupt;
    if (at + 2 > b.length) return corrupt;
    const len = u16be(b, at);
    if (len < 2 || at + len > b.length) return corrupt;
    if (isSof(marker)) {
      if (len < 8) return corrupt;
      // precision (1), height (2), width (2)
      return ok('jpeg', u16be(b, at + 5), u16be(b, at + 3));
    }
    at += len;
  }
  return corrupt;
}

/** WebP: RIFF then one of VP8 (lossy), VP8L (lossless), VP8X (extended, the canvas size). */
function webp(b: Uint8Array): ImageHeader {
  if (b.length < 30) return corrupt;
  const riffSize = b[4]! | (b[5]! << 8) | (b[6]! << 16) | ((b[7]! << 24) >>> 0);
  if (riffSize < 4 + 8 + 10) return corrupt;
  const chunk = ascii(b, 12, 4);
  const data = 20;
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height (2 bits of scale each).
    if (!startsWith(b, [0x9d, 0x01, 0x2a], data + 3)) return corrupt;
    return ok('webp', u16le(b, data + 6) & 0x3fff, u16le(b, data + 8) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (b[data] !== 0x2f) return corrupt;
    const bits = b[data + 1]! | (b[data + 2]! << 8) | (b[data + 3]! << 16) | ((b[data + 4]! << 24) >>> 0);
    return ok('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return ok('webp', u24le(b, data + 4) + 1, u24le(b, data + 7) + 1);
  return corrupt;
}
