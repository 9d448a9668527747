import { deflateSync } from 'node:zlib';

/**
 * Small real images built byte by byte for the tests (no image library): a PNG any viewer opens
 * (RGB, deflated rows, CRCs), and a baseline grey JPEG whose every 8×8 block is flat (one DC code,
 * then end-of-block), decodable at any size in a few bytes.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function makePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const seg = (marker: number, data: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
};

export function makeJpeg(width: number, height: number): Buffer {
  const app0 = seg(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  const dqt = seg(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
  const sofData = Buffer.alloc(9);
  sofData[0] = 8; // precision
  sofData.writeUInt16BE(height, 1);
  sofData.writeUInt16BE(width, 3);
  sofData[5] = 1; // one component
  sofData[6] = 1; // its id
  sofData[7] = 0x11; // no subsampling
  sofData[8] = 0; // quantisation table 0
  const sof = seg(0xc0, sofData);
  // One code of length 1 in each table: DC category 0, AC end-of-block.
  const table = (cls: number) => Buffer.concat([Buffer.from([cls]), Buffer.from([1, ...Array(15).fill(0)]), Buffer.from([0])]);
  const dht = seg(0xc4, Buffer.concat([table(0x00), table(0x10)]));
  const sos = seg(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2; // "0" (DC diff 0) + "0" (EOB) per block
  const data = Buffer.alloc(Math.ceil(bits / 8), 0);
  if (bits % 8) data[data.length - 1] = (1 << (8 - (bits % 8))) - 1; // padded with ones
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, dqt, sof, dht, sos, data, Buffer.from([0xff, 0xd9])]);
}

/** A WebP header of each kind (the size fields only: the parser never reads further). */
export function makeWebpHeader(kind: 'VP8 ' | 'VP8L' | 'VP8X', width: number, height: number): Buffer {
  const data = Buffer.alloc(20);
  if (kind === 'VP8 ') {
    data.set([0x9d, 0x01, 0x2a], 3);
    data.writeUInt16LE(width & 0x3fff, 6);
    data.writeUInt16LE(height & 0x3fff, 8);
  } else if (kind === 'VP8L') {
    data[0] = 0x2f;
    data.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 1);
  } else {
    data.writeUIntLE(width - 1, 4, 3);
    data.writeUIntLE(height - 1, 7, 3);
  }
  const head = Buffer.alloc(20);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(12 + data.length, 4);
  head.write('WEBP', 8, 'ascii');
  head.write(kind, 12, 'ascii');
  head.writeUInt32LE(data.length, 16);
  return Buffer.concat([head, data]);
}
