import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, inPhrase, matchKey, newTonePlacement, personSortKey, searchKey, splitFullName, vietnameseSortKey } from './text';
import { formatDateVi, isoIfValid, parseDateVi } from './dates';

describe('search and matching', () => {
  it('ignores diacritics, case and đ', () => {
    expect(searchKey('Xã Gia Phúc')).toBe('xa gia phuc');
    expect(searchKey('ĐOÀN Thanh niên')).toBe('doan thanh nien');
    expect(searchKey('Thủy  lợi')).toBe('thuy loi');
  });

  it('treats old and new tone placement as equal', () => {
    expect(matchKey('Văn hoá')).toBe(matchKey('Văn hóa'));
    expect(matchKey('thuỷ lợi')).toBe(matchKey('thủy lợi'));
    expect(matchKey('khoẻ mạnh')).toBe(matchKey('khỏe mạnh'));
    expect(newTonePlacement('hóa')).toBe('hoá');
    expect(newTonePlacement('Thủy')).toBe('Thuỷ');
    // Words whose mark is already where it belongs stay unchanged.
    for (const w of ['người', 'quốc', 'giữa', 'hoàng', 'khuyến', 'chuyển', 'thuở', 'mười', 'của', 'mùa', 'gì', 'quý']) {
      expect(newTonePlacement(w)).toBe(w);
    }
  });

  it('stores NFC and collapses spaces', () => {
    const decomposed = 'Gia Phu\u0301c';
    expect(cleanText(`  ${decomposed}   xa\u0303 `)).toBe('Gia Phúc xã');
    expect(cleanText(decomposed)).toBe(cleanText(decomposed).normalize('NFC'));
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        searchKey(s);
        matchKey(s);
        vietnameseSortKey(s);
        personSortKey(s);
      }),
    );
  });
});

describe('Vietnamese order', () => {
  const vi = new Intl.Collator('vi');
  const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
  const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
  const VOWELS = 'aăâeêioôơuưy';
  // Real syllable shapes: a letter, then a vowel carrying the tone mark, then maybe a letter.
  const syllable = fc
    .tuple(
      fc.constantFrom(...LETTERS),
      fc.constantFrom(...VOWELS),
      fc.constantFrom(...TONES),
      fc.constantFrom('', 'c', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'o', 'u'),
    )
    .map(([a, v, t, end]) => `${a}${v}${t}${end}`.normalize('NFC'));

  it('orders letters as the Vietnamese alphabet: Dũng before Đức, ư after u', () => {
    const names = ['Đức', 'Dũng', 'Uyên', 'Ưng', 'Anh', 'Ánh', 'Ân', 'Ăn'];
    const sorted = [...names].sort((x, y) => (vietnameseSortKey(x) < vietnameseSortKey(y) ? -1 : 1));
    expect(sorted).toEqual(['Anh', 'Ánh', 'Ăn', 'Ân', 'Dũng', 'Đức', 'Uyên', 'Ưng']);
  });

  it('agrees with ICU vi collation on random syllables', () => {
    fc.assert(
      fc.property(syllable, syllable, (x, y) => {
        const byKey = Math.sign(vietnameseSortKey(x) < vietnameseSortKey(y) ? -1 : vietnameseSortKey(x) > vietnameseSortKey(y) ? 1 : 0);
        expect(byKey).toBe(Math.sign(vi.compare(x, y)));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts people by given name, then middle, then family name', () => {
    const people = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê An', 'Nguyễn Văn Bình', 'Đỗ Minh Đức', 'Phạm Dũng'];
    const sorted = [...people].sort((x, y) => (personSortKey(x) < personSortKey(y) ? -1 : 1));
    expect(sorted).toEqual(['Lê An', 'Nguyễn Thị An', 'Nguyễn Văn Bình', 'Trần Văn Bình', 'Phạm Dũng', 'Đỗ Minh Đức']);
    expect(splitFullName('Nguyễn Thị Minh Khai')).toEqual({ family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' });
  });
});

describe('dates', () => {
  it('formats and parses dd/MM/yyyy', () => {
    expect(formatDateVi('2025-11-05')).toBe('05/11/2025');
    expect(parseDateVi('5/11/2025')).toBe('2025-11-05');
    expect(parseDateVi('31/02/2025')).toBeNull();
    expect(parseDateVi('hôm qua')).toBeNull();
    expect(isoIfValid(2024, 2, 29)).toBe('2024-02-29');
  });
});

describe('inPhrase', () => {
  it('lower-cases only the common noun that opens a name, never the proper name after it', () => {
    expect(`Tổ công nghệ số cộng đồng ${inPhrase('Thôn Bắc')}`).toBe('Tổ công nghệ số cộng đồng thôn Bắc');
    expect(inPhrase('Thôn Trung Hòa')).toBe('thôn Trung Hòa');
    expect(inPhrase('Tổ dân phố 1')).toBe('tổ dân phố 1');
    expect(inPhrase('Xã Gia Phúc')).toBe('xã Gia Phúc');
    expect(inPhrase('Thành phố Hải Phòng')).toBe('thành phố Hải Phòng');
    expect(inPhrase('Phòng Văn hóa - Xã hội')).toBe('phòng Văn hóa - Xã hội');
    expect(inPhrase('Thi đua đổi mới sáng tạo')).toBe('thi đua đổi mới sáng tạo');
  });

  it('keeps proper names and abbreviations as written', () => {
    expect(inPhrase('Hà Nội')).toBe('Hà Nội');
    expect(inPhrase('Phú Quốc')).toBe('Phú Quốc');
    expect(inPhrase('Bình dân học vụ số năm 2026')).toBe('Bình dân học vụ số năm 2026');
    expect(inPhrase('UBND xã')).toBe('UBND xã');
    expect(inPhrase('Mặt trận Tổ quốc Việt Nam xã')).toBe('Mặt trận Tổ quốc Việt Nam xã');
  });
});
