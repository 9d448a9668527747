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

  it('offers a review its default day, unconfirmed, and keeps the confirmation and the halves an officer chose', () => {
    const yearly = {
      what: 'Báo cáo kết quả',
      from: null,
      to: null,
      day: 20,
      month: 11,
      year: null,
      recurrence: 'yearly' as const,
      qualifier: 'before' as const,
      text: 'trước ngày 20/11 hằng năm',
    };
    const half = { ...yearly, day: null, month: null, recurrence: 'half-yearly' as const, qualifier: 'in' as const, text: '6 tháng' };
    const doc = { ...emptyPlanDoc(), deadlines: [yearly, half], milestones: [{ kind: 'mid-term' as const, year: 2027 }] };
    const form = docToForm(doc);
    expect(form.milestones[0]!.dueDate?.format('DD/MM/YYYY')).toBe('19/11/2027');
    expect(form.milestones[0]!.confirmed).toBe(false);
    // Saved without confirming: the day is kept, still a default.
    expect(formToDoc(form).milestones).toEqual([{ kind: 'mid-term', year: 2027, dueDate: '2027-11-19', confirmed: false }]);
    const chosen = {
      ...form,
      milestones: [{ ...form.milestones[0]!, dueDate: dayjs('2027-11-25'), confirmed: true }],
      deadlines: [
        yearly,
        {
          ...half,
          dates: [
            { day: 15, month: 6 },
            { day: 15, month: 12 },
          ],
        },
      ],
    };
    const saved = formToDoc(chosen);
    expect(saved.milestones).toEqual([{ kind: 'mid-term', year: 2027, dueDate: '2027-11-25', confirmed: true }]);
    expect(saved.deadlines[1]!.dates).toEqual([
      { day: 15, month: 6 },
      { day: 15, month: 12 },
    ]);
    // One half only is no choice: nothing is kept.
    const oneHalf = formToDoc({ ...chosen, deadlines: [{ ...half, dates: [{ day: 15, month: 6 }] }] });
    expect(oneHalf.deadlines[0]!.dates).toBeUndefined();
  });
});
