import { cycleLabelVi, NATIONAL_MOVEMENTS, searchKey, type ConsolidatedReportQuery, type IndicatorProgress, todayVn, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { lowerFirst } from '../documents';
import { renderReportDocx, reportSubject, type ConsolidatedReportContent, type ReportIssuer, type ReportPart } from '../documents';
import type { ReportTable } from '../documents';
import { countsOf } from './cycle';
import { loadConsolidatedData, type ConsolidatedData } from './consolidated-data';
import { authorizeNode, type ProgressNode } from './scope';
import { col, indicatorsTable } from './tables';
import { tablesWorkbook, XLSX_TYPE } from './xlsx-table';

export type ConsolidatedFormat = 'docx' | 'xlsx';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const fmt = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);

/** The four tables of the report; a province's add the commune to each row. */
function reportTables(d: ConsolidatedData, province: boolean, year: number): ReportTable[] {
  const communeCol = province ? [col('Xã/phường', 'text', 24)] : [];
  const communeCell = (r: { communeName: string }) => (province ? [r.communeName] : []);
  const cycles: ReportTable = {
    sheet: 'Tình hình nộp báo cáo',
    title: `Tình hình nộp báo cáo các kỳ năm ${year}`,
    columns: [
      ...communeCol,
      col('Kỳ báo cáo', 'text', 26),
      col('Hạn nộp', 'date', 16),
      col('Phải nộp', 'int', 9),
      col('Đúng hạn', 'int', 9),
      col('Trễ hạn', 'int', 9),
      col('Chưa đến hạn', 'int', 9),
      col('Chưa nộp (quá hạn)', 'int', 9),
      col('Tỷ lệ đã nộp (%)', 'percent', 11),
    ],
    rows: d.cycles.map((c) => {
      const n = countsOf(c.expected, c.onTime, c.late, c.notDue);
      return [...communeCell(c), cycleLabelVi(c), c.dueDate, n.expected, n.onTime, n.late, n.notDue, n.missing, n.submittedRate];
    }),
  };
  const accepted: ReportTable = province
    ? {
        sheet: 'Báo cáo được chấp nhận',
        title: `Báo cáo của các đơn vị được chấp nhận năm ${year}, theo xã, phường`,
        columns: [col('STT', 'int', 7), col('Xã/phường', 'text', 36), col('Số báo cáo được chấp nhận', 'int', 14), col('Trong đó nộp trễ', 'int', 12)],
        rows: d.acceptedByCommune.map((r, i) => [i + 1, r.communeName, r.accepted, r.late]),
      }
    : {
        sheet: 'Báo cáo được chấp nhận',
        title: `Báo cáo của các đơn vị được chấp nhận năm ${year}`,
        columns: [
          col('STT', 'int', 7),
          col('Đơn vị', 'text', 32),
          col('Kỳ báo cáo', 'text', 28),
          col('Ngày nộp', 'datetime', 19),
          col('Nộp trễ', 'text', 9),
          col('Ngày chấp nhận', 'datetime', 19),
        ],
        rows: d.accepted.map((r, i) => [i + 1, r.unitName, cycleLabelVi(r), r.submittedAt, r.late ? 'Có' : 'Không', r.reviewedAt]),
      };
  const shortfalls: ReportTable = {
    sheet: 'Nộp trễ hoặc chưa nộp',
    title: `Danh sách đơn vị nộp báo cáo trễ hạn hoặc chưa nộp (đã quá hạn) năm ${year}`,
    columns: [
      col('STT', 'int', 7),
      ...communeCol,
      col('Đơn vị', 'text', 30),
      col('Kỳ báo cáo', 'text', 28),
      col('Hạn nộp', 'date', 16),
      col('Tình trạng', 'text', 12),
      col('Ngày nộp', 'datetime', 19),
    ],
    rows: d.shortfalls.map((r, i) => [
      i + 1,
      ...communeCell(r),
      r.unitName,
      cycleLabelVi(r),
      r.dueDate,
      r.status === 'late' ? 'Trễ hạn' : 'Chưa nộp',
      r.submittedAt,
    ]),
  };
  return [cycles, indicatorsTable(d.indicators), accepted, shortfalls];
}

/** Indicators that are behind (off track), by name. */
const behind = (p: IndicatorProgress) =>
  p.pillars
    .flatMap((x) => x.indicators)
    .filter((i) => i.status === 'off_track')
    .map((i) => i.name);

/** The narrative skeleton: results, shortcomings, directions; figures filled in, judgement left to the writer. */
function reportParts(d: ConsolidatedData, year: number, scopeText: string, province: boolean): ReportPart[] {
  const total = d.cycles.reduce((a, c) => ({ e: a.e + c.expected, o: a.o + c.onTime, l: a.l + c.late, p: a.p + c.notDue }), { e: 0, o: 0, l: 0, p: 0 });
  const n = countsOf(total.e, total.o, total.l, total.p);
  const cycleCount = new Set(d.cycles.map((c) => cycleLabelVi(c))).size;
  const reporting = cycleCount
    ? `Năm ${year}, ${scopeText} có ${cycleCount} kỳ báo cáo, tổng số ${n.expected} báo cáo phải nộp; đã nộp ${n.onTime + n.late} báo cáo (${fmt(n.submittedRate)}%), trong đó đúng hạn ${n.onTime} (${fmt(n.onTimeRate)}%), trễ hạn ${n.late}; quá hạn chưa nộp ${n.missing}${n.notDue ? `; ${n.notDue} báo cáo chưa đến hạn` : ''}.`
    : `Năm ${year}, ${scopeText} chưa có kỳ báo cáo nào.`;
  const pillars = d.indicators.pillars.map((p) =>
    p.achievementPct === null
      ? `${p.name}: chưa có chỉ tiêu được giao mục tiêu hoặc chưa có số liệu.`
      : `${p.name}: bình quân đạt ${fmt(p.achievementPct)}% mục tiêu (${p.withTarget} chỉ tiêu có mục tiêu; ${p.onTrack} đúng tiến độ, ${p.atRisk} có nguy cơ chậm, ${p.offTrack} chậm tiến độ).`,
  );
  const acceptedCount = province ? d.acceptedByCommune.reduce((a, r) => a + r.accepted, 0) : d.accepted.length;
  const late = d.shortfalls.filter((s) => s.status === 'late').length;
  const missing = d.shortfalls.length - late;
  const lagging = behind(d.indicators);
  return [
    {
      title: 'KẾT QUẢ ĐẠT ĐƯỢC',
      sections: [
        { title: 'Công tác báo cáo', paragraphs: [reporting], tables: [0] },
        {
          title: 'Kết quả thực hiện các chỉ tiêu',
          paragraphs: ['Kết quả thực hiện các chỉ tiêu so với mục tiêu theo từng trụ cột như sau:'],
          items: pillars,
          tables: [1],
        },
        { title: 'Báo cáo của các đơn vị', paragraphs: [`Có ${acceptedCount} báo cáo của các đơn vị được tiếp nhận và chấp nhận trong năm.`], tables: [2] },
      ],
    },
    {
      title: 'TỒN TẠI, HẠN CHẾ',
      sections: [
        {
          title: '',
          paragraphs: [
            `Còn ${late} lượt báo cáo nộp trễ hạn và ${missing} lượt chưa nộp khi đã quá hạn (chi tiết tại Bảng 4).`,
            lagging.length ? `Các chỉ tiêu chậm tiến độ: ${lagging.join('; ')}.` : 'Không có chỉ tiêu chậm tiến độ so với mục tiêu đã giao.',
            'Nguyên nhân: ......................................................................................',
          ],
          tables: [3],
        },
      ],
    },
    {
      title: `PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${year + 1}`,
      sections: [
        {
          title: '',
          paragraphs: [],
          items: [
            `Tiếp tục triển khai phong trào thi đua, gắn với thực hiện các chỉ tiêu năm ${year + 1}.`,
            'Đôn đốc các đơn vị nộp báo cáo đầy đủ, đúng hạn; khắc phục tình trạng nộp trễ, chưa nộp.',
            ...(lagging.length ? [`Tập trung thực hiện các chỉ tiêu chậm tiến độ: ${lagging.join('; ')}.`] : []),
            'Kịp thời phát hiện, biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu trong phong trào.',
          ],
        },
      ],
    },
  ];
}

/** "Xã Gia Phúc" -> "Gia Phúc": the commune's place name (địa danh). */
const placeName = (communeName: string) => communeName.replace(/^(Xã|Phường|Đặc khu)\s+/u, '').trim();

/**
 * Whether a plan's issuer line names this commune ("ỦY BAN NHÂN DÂN XÃ GIA PHÚC" for Xã Gia Phúc),
 * ignoring case and diacritics. A plan imported from another commune's text names that commune.
 */
function namesCommune(issuerName: string, communeName: string): boolean {
  const place = searchKey(placeName(communeName));
  return !!place && ` ${searchKey(issuerName)} `.includes(` ${place} `);
}

/** The movements the report names: its plan's, else both national movements. */
function movementsOf(d: ConsolidatedData): readonly string[] {
  const own = d.plan?.doc.movements.filter((m) => m.trim()) ?? [];
  return own.length ? own : NATIONAL_MOVEMENTS;
}

/**
 * Issuer, place, signer and recipients. Always the commune itself (its name, its province, its place
 * name); the plan's issuer line, place and signer are reused only when that line names this commune.
 */
function issuerOf(d: ConsolidatedData, province: boolean): ReportIssuer {
  const provinceText = lowerFirst(d.provinceName);
  if (province) {
    return {
      issuer: { name: `Ủy ban nhân dân ${provinceText}`, parent: null },
      place: null,
      signer: { capacity: 'TM.', title: 'Chủ tịch', name: null },
      recipients: ['Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)', `Thường trực Tỉnh ủy, Hội đồng nhân dân ${provinceText}`, 'Lưu: VT'],
    };
  }
  const plan = d.plan?.doc;
  const own = plan?.issuer.name && namesCommune(plan.issuer.name, d.name) ? plan : null;
  return {
    issuer: own ? own.issuer : { name: `Ủy ban nhân dân ${lowerFirst(d.name)}`, parent: `Ủy ban nhân dân ${provinceText}` },
    place: own?.place || placeName(d.name) || null,
    signer: own?.signer ?? { capacity: 'TM.', title: 'Chủ tịch', name: null },
    recipients: [
      `Sở Nội vụ ${provinceText} (Ban Thi đua - Khen thưởng)`,
      'Thường trực Đảng ủy, Hội đồng nhân dân xã',
      'Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân xã',
      'Lưu: VT, VH-XH',
    ],
  };
}

/**
 * Use-case: the commune's (or the province's) yearly report on the movement, as .docx in the Decree 30
 * layout or as .xlsx with one sheet per table. Read in one transaction; rendered after it.
 */
export async function consolidatedReport(opts: {
  db: Db;
  actor: Actor;
  node: ProgressNode;
  query: ConsolidatedReportQuery;
  format: ConsolidatedFormat;
  now?: Date;
}) {
  const { actor, node, query } = opts;
  authorizeNode(actor, node);
  const data = await inScope(opts.db, actor.scope, (tx) => loadConsolidatedData(tx, node, query.year, query.planId, opts.now ?? clockNow()));
  const province = 'provinceId' in node;
  const tables = reportTables(data, province, query.year);
  const fileBase = `Báo cáo tổng hợp năm ${query.year}`;
  if (opts.format === 'xlsx')
    return { name: `${fileBase}.xlsx`, type: XLSX_TYPE, body: await tablesWorkbook(tables, reportSubject(movementsOf(data), query.year)) };
  const scopeText = province ? `các xã, phường trên địa bàn ${lowerFirst(data.name)}` : lowerFirst(data.name);
  const content: ConsolidatedReportContent = {
    issuer: issuerOf(data, province),
    year: query.year,
    movements: movementsOf(data),
    scopeText,
    number: query.number ?? null,
    date: query.date ?? todayVn(),
    draft: query.draft,
    parts: reportParts(data, query.year, scopeText, province),
    tables,
  };
  return { name: `${fileBase}.docx`, type: DOCX_TYPE, body: await renderReportDocx(content) };
}
