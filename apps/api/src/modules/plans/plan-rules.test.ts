import { describe, expect, it } from 'vitest';
import { buildPlanTemplate } from './plan-template';
import { planConflicts, resolveDeadlines } from './plan-rules';

const template = () => buildPlanTemplate({ communeName: 'Xã Hải An', provinceName: 'Tỉnh Ninh Bình', year: 2025 });

describe('plan rules', () => {
  it('has no conflict in the national template', () => {
    expect(planConflicts(template())).toEqual([]);
  });

  it('shows two yearly report dates as a conflict to choose, and a deadline before the plan date', () => {
    const doc = template();
    doc.date = '2025-09-15';
    doc.deadlines = [
      { ...doc.deadlines[1]!, day: 10, month: 12, text: 'trước ngày 10/12 hằng năm' },
      { ...doc.deadlines[1]!, day: 20, month: 5, text: 'trước ngày 20/5 hằng năm' },
      { ...doc.deadlines[0]!, day: 18, month: 7, year: 2025, text: 'trước ngày 18/7/2025' },
    ];
    const conflicts = planConflicts(doc);
    expect(conflicts.map((c) => c.key)).toEqual(['deadlines:report:yearly', 'past:2']);
    expect(resolveDeadlines(doc, {}).unresolved).toHaveLength(2);
    const chosen = resolveDeadlines(doc, { 'deadlines:report:yearly': 'keep:0', 'past:2': 'drop' });
    expect(chosen.unresolved).toEqual([]);
    expect(chosen.deadlines.map((d) => d.text)).toEqual(['trước ngày 10/12 hằng năm']);
    expect(resolveDeadlines(doc, { 'deadlines:report:yearly': 'keep-all', 'past:2': 'keep' }).deadlines).toHaveLength(3);
  });
});
