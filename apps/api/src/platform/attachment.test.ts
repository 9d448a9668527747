import { describe, expect, it } from 'vitest';
import { asciiFileName, attachmentHeader } from './attachment';

describe('attachmentHeader', () => {
  it('sends the Vietnamese name (RFC 5987) with an ASCII fallback without diacritics', () => {
    expect(attachmentHeader('Danh sách đơn vị 03-12-2026.xlsx')).toBe(
      `attachment; filename="Danh-sach-don-vi-03-12-2026.xlsx"; filename*=UTF-8''${encodeURIComponent('Danh sách đơn vị 03-12-2026.xlsx')}`,
    );
  });

  it('keeps a name a header and a file system can hold', () => {
    const h = attachmentHeader('Kế hoạch 12/KH-UBND (dự thảo).docx');
    expect(h).toContain('filename="Ke-hoach-12-KH-UBND-du-thao.docx"');
    expect(h).toContain("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2012-KH-UBND%20%28d%E1%BB%B1%20th%E1%BA%A3o%29.docx");
    expect(h).not.toMatch(/[^\x20-\x7e]/u);
    expect(asciiFileName('Đặc khu Côn Đảo.xlsx')).toBe('Dac-khu-Con-Dao.xlsx');
  });
});
