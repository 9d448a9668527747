import { searchKey } from '@tds/contracts';

/**
 * Award forms (hình thức khen thưởng) the parser recognises, with stable codes. This is the parser's
 * small lookup table; the product's catalogue (domain.md §7) is data and may hold more.
 */
export const AWARD_FORM_CATALOGUE: { code: string; label: string; pattern: RegExp }[] = [
  { code: 'HUAN_CHUONG_LAO_DONG', label: 'Huân chương Lao động', pattern: /^huan chuong lao dong/u },
  { code: 'CO_THI_DUA_CP', label: 'Cờ thi đua của Chính phủ', pattern: /^co thi dua (?:cua )?chinh phu/u },
  { code: 'BANG_KHEN_TTG', label: 'Bằng khen của Thủ tướng Chính phủ', pattern: /^bang khen (?:cua )?thu tuong/u },
  {
    code: 'CO_THI_DUA_TINH',
    label: 'Cờ thi đua của Ủy ban nhân dân tỉnh/thành phố',
    pattern: /^co thi dua (?:cua )?(?:chu tich )?(?:ubnd|uy ban nhan dan) (?:tinh|thanh pho)/u,
  },
  {
    code: 'BANG_KHEN_CT_UBND_TINH',
    label: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh/thành phố',
    pattern: /^bang khen (?:cua )?chu tich (?:ubnd|uy ban nhan dan) (?:tinh|thanh pho)/u,
  },
  {
    code: 'GIAY_KHEN_CT_UBND_XA',
    label: 'Giấy khen của Chủ tịch Ủy ban nhân dân xã/phường',
    pattern: /^giay khen (?:cua )?chu tich (?:ubnd|uy ban nhan dan) (?:xa|phuong|dac khu|thi tran)/u,
  },
];

/** Stable code of an award form name, or null when it is not in the table. */
export function awardCode(name: string): string | null {
  const key = searchKey(name);
  return AWARD_FORM_CATALOGUE.find((a) => a.pattern.test(key))?.code ?? null;
}

/** Award-form phrases in a sentence: "Tặng Giấy khen Chủ tịch UBND xã cho ..." → "Giấy khen Chủ tịch UBND xã". */
export const AWARD_PHRASE =
  /(?<![\p{L}])(?:Huân chương|Huy chương|Kỷ niệm chương|Cờ thi đua|Bằng khen|Giấy khen)(?:(?!\s(?:cho|đối với|để|theo|và|hoặc)\s)[^;,.:()\n])*/giu;
