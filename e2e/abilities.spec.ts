import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '@tds/api/src/db/security';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { describeE2E, loginViaUi } from './support/fixture';

/** The web shows an action only when the server says this user may take it on this record now. */
describeE2E(
  'chỉ hiện thao tác người dùng thực hiện được',
  (e2e) => {
    const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
      rowsOf<T>(await inScope(e2e.app.database.db, SYSTEM_SCOPE, (tx) => tx.execute(q)))[0];

    it('báo cáo bị trả lại: xã không thấy "Nộp lại" và không tự lưu; đầu mối trường thấy cả hai', async () => {
      const r = await one<{ id: string }>(sql`
      update report set status = 'returned', review_comment = 'Bổ sung số liệu.'
      where id = (select r.id from report r join unit u on u.commune_id = r.commune_id and u.id = r.unit_id
                  where u.code = 'TH-GP' and r.kind = 'report' order by r.year desc, r.period desc limit 1)
      returning id`);
      expect(r, 'the demo has a report of the school').toBeTruthy();
      const admin = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(admin, 'giaphuc.vhxh');
      await admin.goto(`/reports/${r!.id}`);
      await expect.poll(() => admin.getByTestId('report-status').first().getAttribute('data-status')).toBe('returned');
      await admin.getByTestId('report-review-comment').waitFor();
      expect(await admin.getByTestId('report-submit').count()).toBe(0);
      expect(await admin.getByTestId('report-save-status').count()).toBe(0);

      const school = await e2e.newPage({ viewport: { width: 360, height: 800 } });
      await loginViaUi(school, 'giaphuc.truong-th');
      await school.goto(`/reports/${r!.id}`);
      await school.getByTestId('report-submit').waitFor();
      expect(await school.getByTestId('report-submit').innerText()).toContain('Nộp lại');
      expect(await school.getByTestId('report-save-status').count()).toBe(1);
    });

    it('đầu mối đơn vị không thấy nút nhập, sửa hay ban hành kế hoạch của xã', async () => {
      const p = await one<{ id: string }>(sql`
      select p.id from plan p join commune c on c.id = p.commune_id
      where c.code = (select code from commune where id = ${e2e.ids.giaPhuc}) and p.owner_unit_id is null limit 1`);
      expect(p, 'the demo has a commune plan').toBeTruthy();
      const school = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(school, 'giaphuc.truong-th');
      await school.goto('/plans');
      await school.getByTestId('plans-table').waitFor();
      await school.getByTestId('plan-create-template').waitFor();
      expect(await school.getByTestId('plan-import').count()).toBe(0);
      await school.goto(`/plans/${p!.id}`);
      await school.getByText('Lịch').first().waitFor();
      expect(await school.getByTestId('plan-edit').count()).toBe(0);
      expect(await school.getByTestId('plan-publish').count()).toBe(0);

      const admin = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(admin, 'giaphuc.vhxh');
      await admin.goto(`/plans/${p!.id}`);
      await admin.getByTestId('plan-edit').waitFor();
      expect(await admin.getByTestId('plan-import').count()).toBe(0);
    });

    it('cá nhân: đầu mối trường chỉ thấy nút sửa người của trường; thành viên tổ CNSCĐ không thấy nút nào; quản trị xã thấy tất cả', async () => {
      const school = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(school, 'giaphuc.truong-th');
      await school.goto('/people');
      await school.getByText('Đỗ Minh Đức').first().waitFor();
      await school.getByTestId('person-create').waitFor();
      const edits = school.getByTestId('person-edit');
      expect(await edits.count()).toBe(1);
      const row = school.locator('tr', { has: school.getByTestId('person-edit') });
      expect(await row.innerText()).toContain('Hoàng Thị Yến');
      await school.getByText('Đỗ Minh Đức').first().click();
      await school.getByTestId('person-form-fullName').waitFor();
      expect(await school.getByTestId('person-form-submit').count()).toBe(0);

      const team = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(team, 'giaphuc.thondong');
      await team.goto('/people');
      await team.getByText('Đỗ Minh Đức').first().waitFor();
      expect(await team.getByTestId('person-create').count()).toBe(0);
      expect(await team.getByTestId('person-edit').count()).toBe(0);

      const admin = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(admin, 'giaphuc.vhxh');
      await admin.goto('/people');
      await admin.getByText('Đỗ Minh Đức').first().waitFor();
      await admin.getByTestId('person-create').waitFor();
      expect(await admin.getByTestId('person-edit').count()).toBe(10);
    });

    it('đơn vị: đầu mối trường không thấy nút thêm, sửa, đóng, nhập Excel; quản trị xã thấy', async () => {
      const school = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(school, 'giaphuc.truong-th');
      await school.goto('/org');
      await school.getByText('Trường Tiểu học Gia Phúc').first().waitFor();
      await school.getByTestId('unit-excel').waitFor();
      for (const id of ['unit-create', 'unit-edit', 'unit-close', 'unit-merge', 'unit-actions']) expect(await school.getByTestId(id).count(), id).toBe(0);
      await school.getByTestId('unit-excel').click();
      await school.getByText('Xuất Excel').first().waitFor();
      expect(await school.getByText('Nhập từ Excel').count()).toBe(0);

      const admin = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(admin, 'giaphuc.vhxh');
      await admin.goto('/org');
      await admin.getByTestId('unit-create').waitFor();
      expect(await admin.getByTestId('unit-edit').count()).toBeGreaterThan(1);
      expect(await admin.getByTestId('unit-close').count()).toBeGreaterThan(1);
    });

    it('người dùng: chủ tịch xem được danh sách nhưng không thấy nút thêm, sửa; quản trị xã thấy, trừ tự khóa mình', async () => {
      const chair = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(chair, 'giaphuc.chutich');
      await chair.goto('/users');
      await chair.getByText('giaphuc.truong-th').first().waitFor();
      expect(await chair.getByTestId('user-create').count()).toBe(0);
      expect(await chair.getByTestId('user-edit').count()).toBe(0);
      expect(await chair.getByTestId('user-more').count()).toBe(0);

      const admin = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(admin, 'giaphuc.vhxh');
      await admin.goto('/users');
      await admin.getByTestId('user-create').waitFor();
      expect(await admin.getByTestId('user-edit').count()).toBeGreaterThan(1);
    });
  },
  { movement: true },
);
