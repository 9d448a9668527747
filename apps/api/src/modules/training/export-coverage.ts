import { breakdownAgeBands, genderLabelsVi, genders, learnerGroupLabelsVi, learnerGroups, type BreakdownAgeBand } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { computeCoverage } from './coverage';
import { computeBreakdown } from './get-coverage-breakdown';
import { unitOfKind } from './training.store';
import { VILLAGE_MESSAGE } from './create-resident';
import { listWorkbook } from './training-records-excel';
import { inTraining } from './training-context';

/** An age band in words ("Từ 25 đến 34 tuổi"; the first from the commune's adult age). */
export function ageBandLabelVi(band: BreakdownAgeBand, adultAge: number): string {
  if (band.endsWith('+')) return `Từ ${band.slice(0, -1)} tuổi trở lên`;
  const [from, to] = band.split('-');
  return `Từ ${band === breakdownAgeBands[0] ? adultAge : from} đến ${to} tuổi`;
}

/** The coverage of each village in a year as an .xlsx, with the commune's total. Aggregates only; audited. */
export async function exportVillageCoverage(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; year: number }) {
  const { actor, communeId, year } = opts;
  const c = await inTraining({ ...opts, permission: 'training.read' }, async (tx) => {
    const c = await computeCoverage(tx, communeId, year);
    await writeAudit(tx, actor, opts.meta, {
      action: 'export',
      entityType: 'village_population',
      communeId,
      summary: `Xuất độ bao phủ kỹ năng số theo thôn, tổ dân phố năm ${year} ra Excel`,
    });
    return c;
  });
  const pct = (r: number | null) => (r === null ? '' : r);
  return listWorkbook([
    {
      name: `Theo thôn năm ${year}`,
      columns: [
        { header: 'Thôn, tổ dân phố', width: 24 },
        { header: `Dân số từ đủ ${c.adultAge} tuổi`, width: 14, numeric: true },
        { header: 'Người dân đã tiếp cận', width: 14, numeric: true },
        { header: 'Có kỹ năng số cơ bản', width: 14, numeric: true },
        { header: 'Tỷ lệ (%)', width: 10, numeric: true },
        { header: 'Buổi hướng dẫn', width: 12, numeric: true },
        { header: 'Lượt người dân được hỗ trợ', width: 14, numeric: true },
        { header: 'Định danh điện tử mức độ 2', width: 14, numeric: true },
        { header: 'Tổ hoạt động trong năm', width: 12 },
      ],
      rows: c.villages.map((v) => [
        v.villageName,
        v.adults,
        v.residents,
        v.trained,
        pct(v.ratio),
        v.sessions,
        v.helped,
        v.vneidLevel2,
        v.activeTeam ? 'Có' : 'Không',
      ]),
      total: [
        'Toàn xã',
        c.totals.adults,
        c.totals.residents,
        c.totals.trained,
        pct(c.totals.ratio),
        c.totals.sessions,
        c.totals.helped,
        c.totals.vneidLevel2,
        `${c.totals.villagesWithTeam}/${c.totals.villages}`,
      ],
    },
  ]);
}

/** The completions of each module by learner group, age band and gender as an .xlsx (of a village if asked). Audited. */
export async function exportBreakdown(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; year: number; villageId?: string }) {
  const { actor, communeId, year } = opts;
  const { b, villageName } = await inTraining({ ...opts, permission: 'training.read' }, async (tx) => {
    const village = opts.villageId ? await unitOfKind(tx, communeId, opts.villageId, ['village'], 'villageId', VILLAGE_MESSAGE) : null;
    const b = await computeBreakdown(tx, communeId, year, opts.villageId);
    await writeAudit(tx, actor, opts.meta, {
      action: 'export',
      entityType: 'skill_module',
      communeId,
      summary: `Xuất số người hoàn thành học phần theo nhóm, độ tuổi, giới tính năm ${year}${village ? ` (${village.name})` : ''} ra Excel`,
    });
    return { b, villageName: village?.name ?? null };
  });
  const n = (header: string) => ({ header, width: 12, numeric: true });
  return listWorkbook([
    {
      name: `Hoàn thành năm ${year}`,
      groups: [
        { label: villageName ? `Học phần (${villageName})` : 'Học phần', span: 1 },
        { label: 'Nhóm đối tượng', span: learnerGroups.length },
        { label: 'Độ tuổi', span: breakdownAgeBands.length },
        { label: 'Giới tính', span: genders.length },
        { label: 'Tổng', span: 1 },
      ],
      columns: [
        { header: 'Tên học phần', width: 50 },
        ...learnerGroups.map((g) => n(learnerGroupLabelsVi[g])),
        ...breakdownAgeBands.map((a) => n(ageBandLabelVi(a, b.adultAge))),
        ...genders.map((g) => n(genderLabelsVi[g])),
        n('Số người hoàn thành'),
      ],
      rows: b.modules.map((m) => [
        m.name,
        ...learnerGroups.map((g) => m.byGroup[g]),
        ...breakdownAgeBands.map((a) => m.byAgeBand[a]),
        ...genders.map((g) => m.byGender[g]),
        m.total,
      ]),
    },
  ]);
}
