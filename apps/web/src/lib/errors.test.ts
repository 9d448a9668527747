import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { detailText } from './errors';

describe('detailText', () => {
  afterEach(async () => {
    await i18n.changeLanguage('vi');
  });

  it('names the field by its label, in the page language', async () => {
    await i18n.changeLanguage('vi');
    const d = { field: 'indicators.0.targets', label: 'Chỉ tiêu thứ 1 – Mục tiêu', message: 'Không được để trống.' };
    expect(detailText(d)).toBe('Chỉ tiêu thứ 1 – Mục tiêu: Không được để trống.');
    expect(detailText({ row: 3, message: 'Thiếu tên.' })).toBe('Dòng 3: Thiếu tên.');
    await i18n.changeLanguage('en');
    expect(detailText(d)).toBe('Indicator no. 1 – Target: Không được để trống.');
  });
});
