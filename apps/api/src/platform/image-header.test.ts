import { describe, expect, it } from 'vitest';
import { readImageHeader } from './image-header';
import { makeJpeg, makePng, makeWebpHeader } from '../testing/kits/images';

describe('image header: type by magic bytes, size without decoding', () => {
  it('reads the size of a PNG, a JPEG and each kind of WebP', () => {
    expect(readImageHeader(makePng(3, 2))).toEqual({ ok: true, type: 'png', mime: 'image/png', width: 3, height: 2 });
    expect(readImageHeader(makeJpeg(1600, 1200))).toEqual({ ok: true, type: 'jpeg', mime: 'image/jpeg', width: 1600, height: 1200 });
    expect(readImageHeader(makeWebpHeader('VP8 ', 640, 480))).toMatchObject({ ok: true, type: 'webp', width: 640, height: 480 });
    expect(readImageHeader(makeWebpHeader('VP8L', 1, 16384))).toMatchObject({ ok: true, width: 1, height: 16384 });
    expect(readImageHeader(makeWebpHeader('VP8X', 5000, 3000))).toMatchObject({ ok: true, width: 5000, height: 3000 });
  });

  it('walks JPEG segments past metadata and fill bytes to the frame, whichever SOF it is', () => {
    const j = makeJpeg(10, 20);
    // EXIF-like APP1 of 300 bytes and fill bytes before the quantisation table.
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x01, 0x2e]), Buffer.alloc(300, 0x41)]);
    const withMeta = Buffer.concat([j.subarray(0, 2), app1, Buffer.from([0xff, 0xff]), j.subarray(2)]);
    expect(readImageHeader(withMeta)).toMatchObject({ ok: true, width: 10, height: 20 });
    const progressive = Buffer.from(j);
    progressive[progressive.indexOf(Buffer.from([0xff, 0xc0])) + 1] = 0xc2;
    expect(readImageHeader(progressive)).toMatchObject({ ok: true, width: 10, height: 20 });
  });

  it('says "unsupported" for what is not one of the three, whatever its name', () => {
    for (const b of [Buffer.from('Xin chào, đây là tệp văn bản.\n'), Buffer.alloc(0), Buffer.from('GIF89a\x01\x00\x01\x00'), Buffer.from('%PDF-1.7')])
      expect(readImageHeader(b)).toEqual({ ok: false, problem: 'unsupported' });
  });

  it('says "corrupt" for a header cut short, lying or empty, and never reads past the bytes', () => {
    const png = makePng(3, 2);
    const jpeg = makeJpeg(16, 8);
    const corrupt = { ok: false, problem: 'corrupt' };
    expect(readImageHeader(png.subarray(0, 20))).toEqual(corrupt);
    const zeroWidth = Buffer.from(png);
    zeroWidth.writeUInt32BE(0, 16);
    expect(readImageHeader(zeroWidth)).toEqual(corrupt);
    const notIhdr = Buffer.from(png);
    notIhdr.write('IDAT', 12, 'ascii');
    expect(readImageHeader(notIhdr)).toEqual(corrupt);
    // JPEG: junk after the start, a scan before any frame, a segment longer than the file, cut inside the frame.
    expect(readImageHeader(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('not a jpeg at all')]))).toEqual(corrupt);
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6]))).toEqual(corrupt);
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xf0, 0x00]))).toEqual(corrupt);
    expect(readImageHeader(jpeg.subarray(0, jpeg.indexOf(Buffer.from([0xff, 0xc0])) + 6))).toEqual(corrupt);
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff]))).toEqual(corrupt);
    // WebP: an unknown chunk, a lossy frame without its start code, a lossless one without its signature.
    const w = makeWebpHeader('VP8 ', 4, 4);
    const unknown = Buffer.from(w);
    unknown.write('ABCD', 12, 'ascii');
    expect(readImageHeader(unknown)).toEqual(corrupt);
    const noStart = Buffer.from(w);
    noStart[23] = 0;
    expect(readImageHeader(noStart)).toEqual(corrupt);
    const l = makeWebpHeader('VP8L', 4, 4);
    l[20] = 0;
    expect(readImageHeader(l)).toEqual(corrupt);
    expect(readImageHeader(w.subarray(0, 24))).toEqual(corrupt);
  });

  it('survives any bytes after a valid start (fuzz): an answer, never a throw', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const start of [Buffer.from([0xff, 0xd8, 0xff]), makePng(1, 1).subarray(0, 8), Buffer.from('RIFF\x10\x00\x00\x00WEBP', 'latin1')]) {
      for (let i = 0; i < 300; i++) {
        const tail = Buffer.from(Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256)));
        const r = readImageHeader(Buffer.concat([start, tail]));
        expect(r.ok ? r.width > 0 && r.height > 0 : r.problem === 'corrupt').toBe(true);
      }
    }
  });
});
