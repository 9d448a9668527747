import { eq } from 'drizzle-orm';
import { formatDateVi, inspectionRatingLabelsVi, todayVn } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { renderDocx } from '../documents';
import { commune, province } from '../org';
import { evidenceText, inspectionForExport } from './export-inspection-record';
import type { UseCase } from './inspection-context';

type AdminDocument = Parameters<typeof renderDocx>[0];
type Block = AdminDocument['body'][number];

/**
 * The minutes of a visit (Biên bản kiểm tra) as a .docx in the Decree 30 layout: who went, where and
 * when, the contents checked, every finding with its recommendations, and the conclusion. Left as a
 * draft: the number and day are the records clerk's.
 */
export async function inspectionMinutes(opts: UseCase & { meta: RequestMeta; id: string; now?: Date }): Promise<{ title: string; content: Buffer }> {
  const d = await inspectionForExport({ ...opts, what: 'biên bản kiểm tra (Word)' });
  const [c] = await inScope(opts.db, opts.actor.scope, (tx) =>
    tx
      .select({ name: commune.name, province: province.name })
      .from(commune)
      .innerJoin(province, eq(province.id, commune.provinceId))
      .where(eq(commune.id, opts.communeId)),
  );
  const communeName = c?.name ?? '';
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Hôm nay, ngày ${formatDateVi(d.visitDate)}${d.visitTime ? `, lúc ${d.visitTime}` : ''}, đoàn kiểm tra của Hội đồng Thi đua - Khen thưởng ${communeName} tiến hành kiểm tra tại: ${d.units.map((u) => u.name).join('; ')}.`,
    },
    { kind: 'heading', level: 1, label: 'I.', text: 'THÀNH PHẦN ĐOÀN KIỂM TRA' },
    ...d.members.map((m): Block => ({ kind: 'item', level: 1, text: m.fullName })),
    { kind: 'heading', level: 1, label: 'II.', text: 'NỘI DUNG KIỂM TRA' },
    ...(d.checklist.length
      ? d.checklist.map((t, i): Block => ({ kind: 'item', level: 1, marker: `${i + 1}.`, text: t }))
      : [{ kind: 'paragraph', text: 'Theo kế hoạch kiểm tra.' } as Block]),
    { kind: 'heading', level: 1, label: 'III.', text: 'KẾT QUẢ KIỂM TRA VÀ KIẾN NGHỊ' },
  ];
  if (!d.findingList.length) body.push({ kind: 'paragraph', text: 'Không có nội dung cần ghi nhận.' });
  d.findingList.forEach((f, i) => {
    body.push({ kind: 'heading', level: 2, label: `${i + 1}.`, text: f.unitName });
    body.push({ kind: 'paragraph', text: f.text });
    const ev = evidenceText(f.evidence);
    if (ev) body.push({ kind: 'paragraph', text: [{ text: 'Minh chứng: ', italic: true }, { text: ev }] });
    for (const r of f.recommendations) body.push({ kind: 'item', level: 1, text: `Kiến nghị: ${r.text} (hạn ${formatDateVi(r.dueOn)}).` });
  });
  body.push({ kind: 'heading', level: 1, label: 'IV.', text: 'KẾT LUẬN' });
  body.push({ kind: 'paragraph', text: d.conclusion ?? 'Chưa có kết luận.' });
  if (d.rating) body.push({ kind: 'paragraph', text: [{ text: 'Xếp loại: ', bold: true }, { text: inspectionRatingLabelsVi[d.rating] }] });
  body.push({ kind: 'paragraph', text: 'Biên bản được lập và thông qua, các thành viên đoàn kiểm tra và đại diện đơn vị được kiểm tra thống nhất ký tên.' });
  const doc: AdminDocument = {
    header: {
      parent: c ? `UBND ${c.province}`.toUpperCase() : null,
      issuer: `HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\n${communeName}`,
      number: null,
      symbol: 'BB-HĐTĐKT',
      place: communeName.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/iu, ''),
      date: opts.now ? todayVn(opts.now) : d.visitDate,
    },
    type: 'BIÊN BẢN',
    subject: `Kiểm tra ${d.title.replace(/^Kiểm tra\s+/iu, '')}`,
    body,
    recipients: ['Thường trực Hội đồng TĐKT', ...d.units.map((u) => u.name), 'Lưu: VT'],
    signer: { capacity: 'TM. ĐOÀN KIỂM TRA', title: 'TRƯỞNG ĐOÀN', name: d.members[0]?.fullName ?? null },
    draft: true,
  };
  return { title: d.title, content: await renderDocx(doc) };
}
