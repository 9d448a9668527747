import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { docToForm, emptyPlanDoc, formToDoc } from './planForm';

describe('plan form values', () => {
  it('round-trips a document', () => {
    const doc = {
      ...emptyPlanDoc(),
      title: 'Triển khai Phong trào thi đua',
      date: '2025-08-20',
      legalBases: [{ ref: '150/KH-UBND', type: 'Kế hoạch', date: '2025-06-16', issuer: 'UBND thành phố', title: null }],
      contents: [{ order: 1, text: 'Nội dung 1' }],
      deadlines: [
        {
          what: 'Báo cáo',
          from: null,
          to: null,
          day: 5,
          month: 12,
          year: null,
          recurrence: 'yearly' as const,
          qualifier: 'before' as const,
          text: 'trước ngày 05/12 hàng năm',
        },
      ],
      signer: { name: 'Nguyễn Văn A', title: 'Chủ tịch', capacity: 'TM.' as const },
    };
    const form = docToForm(doc);
    expect(form.date?.format('DD/MM/YYYY')).toBe('20/08/2025');
    expect(formToDoc(form)).toEqual(doc);
  });

  it('drops blank rows, trims, renumbers contents and words empty deadline texts', () => {
    const form = docToForm(emptyPlanDoc());
    const out = formToDoc({
      ...form,
      number: '  ',
      date: dayjs('2025-09-01'),
      movements: ['  Bình dân học vụ số ', ''],
      contents: [
        { order: 3, text: '' },
        { order: 7, text: ' B ' },
      ],
      deadlines: [{ what: 'Báo cáo năm', from: '', to: null, day: 5, month: 11, year: null, recurrence: 'yearly', qualifier: 'before', text: '' }],
      phases: [
        { name: 'Giai đoạn 1', fromYear: 2025, toYear: 2027 },
        { name: '', fromYear: null as unknown as number, toYear: 2030 },
      ],
    });
    expect(out.number).toBeNull();
    expect(out.date).toBe('2025-09-01');
    expect(out.movements).toEqual(['Bình dân học vụ số']);
    expect(out.contents).toEqual([{ order: 1, text: 'B' }]);
    expect(out.deadlines[0]?.text).toBe('trước ngày 05/11 hằng năm');
    expect(out.deadlines[0]?.from).toBeNull();
    expect(out.phases).toHaveLength(1);
  });

  it('accepts partial values', () => {
    expect(formToDoc({})).toEqual(emptyPlanDoc());
  });
});
