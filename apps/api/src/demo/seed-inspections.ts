import { and, eq, inArray } from 'drizzle-orm';
import { addDays, searchKey, todayVn, vnInstant } from '@tds/contracts';
import type { Db } from '../db/client';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import { unit } from '../modules/org';
import { appUser, roleAssignment } from '../modules/users';
import { inspection, inspectionFinding, inspectionMember, inspectionRecommendation, inspectionUnit } from '../modules/inspections';

/**
 * Kiểm tra, giám sát as a commune keeps it: a visit of last autumn to the primary school, closed
 * with its findings, recommendations and the school's answers; a recent visit to the lower
 * secondary school and the public service centre, concluded, one recommendation answered and
 * waiting for the office, one still to be answered; and a visit planned in ten days.
 */
export async function seedInspections(db: Db, opts: { communeId: string; adminUserId: string; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const today = todayVn(now);
  const { communeId, adminUserId } = opts;
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const units = await tx
      .select({ id: unit.id, code: unit.code, name: unit.name })
      .from(unit)
      .where(and(eq(unit.communeId, communeId), inArray(unit.code, ['TH-GP', 'THCS-GP', 'TTPVHCC', 'HTX-NN'])));
    const byCode = new Map(units.map((u) => [u.code, u]));
    const members = await tx
      .selectDistinct({ userId: roleAssignment.userId, fullName: appUser.fullName })
      .from(roleAssignment)
      .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
      .where(and(eq(roleAssignment.communeId, communeId), inArray(roleAssignment.role, ['chairman', 'council_member'])));
    const school = byCode.get('TH-GP');
    if (!school || !members.length) return;
    const at = (day: string, hhmm = '09:00') => vnInstant(day, hhmm);

    const visit = async (v: {
      title: string;
      visitDate: string;
      visitTime: string;
      unitIds: string[];
      checklist: string[];
      status: 'planned' | 'in_progress' | 'concluded' | 'closed';
      conclusion?: string;
      rating?: 'good' | 'fair' | 'average' | 'weak';
    }) => {
      const concluded = v.status === 'concluded' || v.status === 'closed';
      const [row] = await tx
        .insert(inspection)
        .values({
          communeId,
          year: Number(v.visitDate.slice(0, 4)),
          title: v.title,
          searchKey: searchKey(v.title),
          visitDate: v.visitDate,
          visitTime: v.visitTime,
          checklist: v.checklist,
          status: v.status,
          conclusion: v.conclusion ?? null,
          rating: v.rating ?? null,
          concludedAt: concluded ? at(addDays(v.visitDate, 2)) : null,
          closedAt: v.status === 'closed' ? at(addDays(v.visitDate, 40)) : null,
          createdBy: adminUserId,
          createdAt: at(addDays(v.visitDate, -14)),
          updatedBy: adminUserId,
          updatedAt: at(addDays(v.visitDate, 2)),
        })
        .returning();
      await tx.insert(inspectionUnit).values(v.unitIds.map((unitId) => ({ communeId, inspectionId: row!.id, unitId })));
      await tx.insert(inspectionMember).values(members.map((m) => ({ communeId, inspectionId: row!.id, ...m })));
      return row!;
    };
    const finding = async (i: { id: string; visitDate: string }, unitId: string, text: string, evidence: { number: string; summary: string } | null) => {
      const [f] = await tx
        .insert(inspectionFinding)
        .values({
          communeId,
          inspectionId: i.id,
          unitId,
          text,
          evidenceNumber: evidence?.number ?? null,
          evidenceDate: evidence ? addDays(i.visitDate, -30) : null,
          evidenceSummary: evidence?.summary ?? null,
          recordedBy: members[0]!.userId,
          recordedByName: members[0]!.fullName,
          createdAt: at(i.visitDate, '10:30'),
        })
        .returning();
      return f!;
    };

    // 1. Last autumn's visit to the primary school: closed.
    const lastYear = `${Number(today.slice(0, 4)) - 1}-10-15`;
    const closed = await visit({
      title: 'Kiểm tra việc triển khai phong trào thi đua tại Trường Tiểu học Gia Phúc',
      visitDate: lastYear,
      visitTime: '08:00',
      unitIds: [school.id],
      checklist: ['Xây dựng và ban hành kế hoạch thực hiện phong trào', 'Ứng dụng công nghệ số trong dạy và học', 'Hồ sơ, sổ sách theo dõi kết quả'],
      status: 'closed',
      conclusion:
        'Nhà trường triển khai phong trào nghiêm túc, có kế hoạch cụ thể; 100% giáo viên ứng dụng công nghệ số trong giảng dạy. Cần hoàn thiện hồ sơ theo dõi.',
      rating: 'good',
    });
    const f1 = await finding(closed, school.id, 'Nhà trường đã ban hành kế hoạch nhưng chưa lập sổ theo dõi kết quả thực hiện theo từng tháng.', {
      number: '45/KH-THGP',
      summary: 'Kế hoạch thực hiện phong trào thi đua năm học',
    });
    await tx.insert(inspectionRecommendation).values([
      {
        communeId,
        inspectionId: closed.id,
        findingId: f1.id,
        unitId: school.id,
        ord: 1,
        text: 'Lập sổ theo dõi kết quả thực hiện phong trào theo từng tháng.',
        dueOn: addDays(lastYear, 30),
        status: 'closed',
        answerText: 'Nhà trường đã lập sổ theo dõi từ tháng 11, cập nhật định kỳ.',
        answerNumber: '52/BC-THGP',
        answerDate: addDays(lastYear, 25),
        answerSummary: 'Báo cáo kết quả khắc phục sau kiểm tra',
        answeredByName: 'Hoàng Thị Yến',
        answeredAt: at(addDays(lastYear, 25)),
        reviewedBy: adminUserId,
        reviewedAt: at(addDays(lastYear, 28)),
        closedAt: at(addDays(lastYear, 28)),
        version: 2,
        createdAt: at(lastYear, '10:30'),
        updatedAt: at(addDays(lastYear, 28)),
      },
      {
        communeId,
        inspectionId: closed.id,
        findingId: f1.id,
        unitId: school.id,
        ord: 2,
        text: 'Bổ sung minh chứng số lớp học sử dụng học liệu số.',
        dueOn: addDays(lastYear, 30),
        status: 'closed',
        answerText: 'Đã bổ sung danh sách 18 lớp sử dụng học liệu số.',
        answeredByName: 'Hoàng Thị Yến',
        answeredAt: at(addDays(lastYear, 20)),
        reviewedBy: adminUserId,
        reviewedAt: at(addDays(lastYear, 28)),
        closedAt: at(addDays(lastYear, 28)),
        version: 2,
        createdAt: at(lastYear, '10:30'),
        updatedAt: at(addDays(lastYear, 28)),
      },
    ]);

    // 2. A recent visit: concluded, one recommendation answered (waiting for the office), one still open.
    const second = [byCode.get('THCS-GP'), byCode.get('TTPVHCC')].filter((u): u is NonNullable<typeof u> => !!u);
    if (second.length) {
      const recent = addDays(today, -20);
      const conc = await visit({
        title: 'Kiểm tra kết quả chuyển đổi số tại Trường THCS Gia Phúc và Trung tâm Phục vụ hành chính công',
        visitDate: recent,
        visitTime: '14:00',
        unitIds: second.map((u) => u.id),
        checklist: ['Tỷ lệ hồ sơ trực tuyến', 'Hướng dẫn người dân sử dụng dịch vụ công'],
        status: 'concluded',
        conclusion: 'Các đơn vị thực hiện khá; cần đẩy mạnh hướng dẫn người dân nộp hồ sơ trực tuyến.',
        rating: 'fair',
      });
      for (const [k, u] of second.entries()) {
        const f = await finding(
          conc,
          u.id,
          k === 0 ? 'Chưa cập nhật số liệu Bình dân học vụ số của học sinh lớp 9.' : 'Tỷ lệ hồ sơ nộp trực tuyến còn thấp (45%).',
          null,
        );
        await tx.insert(inspectionRecommendation).values({
          communeId,
          inspectionId: conc.id,
          findingId: f.id,
          unitId: u.id,
          ord: 1,
          text: k === 0 ? 'Cập nhật đầy đủ số liệu và báo cáo Văn phòng xã.' : 'Bố trí người hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa.',
          dueOn: addDays(today, k === 0 ? -2 : 7),
          status: k === 0 ? 'answered' : 'open',
          answerText: k === 0 ? 'Đã cập nhật số liệu của 4 lớp 9.' : null,
          answeredByName: k === 0 ? 'Đặng Thị Ngọc Ánh' : null,
          answeredAt: k === 0 ? at(addDays(today, -3)) : null,
          version: k === 0 ? 2 : 1,
          createdAt: at(recent, '15:30'),
          updatedAt: at(addDays(today, -3)),
        });
      }
    }

    // 3. A visit planned in ten days.
    const coop = byCode.get('HTX-NN');
    if (coop)
      await visit({
        title: 'Kiểm tra mô hình chuyển đổi số tại Hợp tác xã Nông nghiệp Gia Phúc',
        visitDate: addDays(today, 10),
        visitTime: '08:30',
        unitIds: [coop.id],
        checklist: ['Bán hàng trên sàn thương mại điện tử', 'Thanh toán không dùng tiền mặt'],
        status: 'planned',
      });
  });
}
