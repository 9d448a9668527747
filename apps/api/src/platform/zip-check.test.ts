import { randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildZip, manyEntries, zipBomb } from '../testing/zip';
import { inspectZip, verifyZip, type ZipLimits } from './zip-check';

const LIMITS: ZipLimits = { maxInflatedBytes: 50 * 1024 * 1024, maxRatio: 100, maxEntries: 2000 };

function check(b: Buffer, limits = LIMITS) {
  const found = inspectZip(b, limits);
  if ('kind' in found) return found;
  return verifyZip(b, found.entries) ?? { ok: found.entries.length };
}

describe('inspectZip and verifyZip', () => {
  it('accept a real .docx and a hand-built archive', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch thi đua')] }] }));
    expect(check(docx)).toMatchObject({ ok: expect.any(Number) });
    expect(
      check(
        buildZip([
          { name: 'a.txt', data: 'xin chào'.repeat(100) },
          { name: 'b.bin', data: randomBytes(1000), store: true },
        ]),
      ),
    ).toEqual({ ok: 2 });
  });

  it('refuse a bomb by its declared inflated size, before inflating anything', () => {
    const bomb = zipBomb(100);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const t0 = performance.now();
    expect(inspectZip(bomb, LIMITS)).toMatchObject({ kind: 'limit', why: expect.stringContaining('inflated') });
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('refuse an archive that inflates more than maxRatio times even under the size limit', () => {
    expect(inspectZip(zipBomb(20), LIMITS)).toMatchObject({ kind: 'limit', why: expect.stringContaining('times') });
  });

  it('refuse 100,000 entries from the end record, and a directory that holds more entries than its end record says', () => {
    const many = manyEntries(100_000);
    expect(many.length).toBeLessThan(10 * 1024 * 1024);
    expect(inspectZip(many, LIMITS)).toMatchObject({ kind: 'limit', why: expect.stringContaining('100000 entries') });
    const lying = buildZip(
      Array.from({ length: 2500 }, (_, i) => ({ name: `e${i}`, data: '', store: true })),
      { declaredCount: 3 },
    );
    expect(inspectZip(lying, LIMITS)).toMatchObject({ kind: 'limit', why: expect.stringContaining('more than 2000 entries') });
  });

  it('refuse an entry that inflates to more than it declares, after at most its declared size', () => {
    const liar = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x61), declaredSize: 1000 }]);
    const found = inspectZip(liar, { ...LIMITS, maxRatio: 1000 });
    expect('entries' in found).toBe(true);
    expect(verifyZip(liar, (found as { entries: never[] }).entries)).toMatchObject({
      kind: 'limit',
      why: expect.stringContaining('more than its declared 1000'),
    });
  });

  it('call truncated, damaged and non-ZIP files corrupt', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch')] }] }));
    for (const cut of [docx.length - 10, Math.floor(docx.length / 2), 100]) expect(check(docx.subarray(0, cut))).toMatchObject({ kind: 'corrupt' });
    expect(check(randomBytes(5000))).toMatchObject({ kind: 'corrupt' });
    const damaged = Buffer.from(docx);
    damaged.fill(0x55, 40, 400);
    expect(check(damaged)).toMatchObject({ kind: 'corrupt' });
    expect(check(Buffer.from('PK\u0003\u0004 không phải zip'))).toMatchObject({ kind: 'corrupt' });
  });
});
