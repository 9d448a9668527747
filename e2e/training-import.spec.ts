import { expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import ExcelJS from 'exceljs';
import { expectNoSeriousViolations } from './support/a11y';
import { describeE2E, fetchInPage, loginViaUi } from './support/fixture';

const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, bypassCSP: true };
const SESSION_HEAD = ['Mã buổi', 'Ngày', 'Giờ bắt đầu', 'Thôn, tổ dân phố', 'Tổ công nghệ số cộng đồng', 'Địa điểm', 'Học phần', 'Người hướng dẫn'];
const MARK_HEAD = ['Mã buổi', 'Họ và tên', 'Năm sinh', 'Giới tính'];

async function workbook(sessions: unknown[][], marks: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Buổi học');
  for (const r of [SESSION_HEAD, ...sessions]) s.addRow(r);
  const m = wb.addWorksheet('Điểm danh');
  for (const r of [MARK_HEAD, ...marks]) m.addRow(r);
  return {
    name: 'buoi-hoc.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

describeE2E('Bình dân học vụ số: nhập buổi hướng dẫn và điểm danh từ Excel', (e2e) => {
  it('cán bộ xã chạy thử tệp buổi học, thấy lỗi từng dòng theo trang, sửa tệp rồi ghi; buổi và người có mặt hiện ra', async () => {
    const page = await e2e.newPage(desktop);
    await loginViaUi(page, 'giaphuc.vhxh');
    const communeId = e2e.ids.giaPhuc;
    const teams = (await fetchInPage(page, `/api/communes/${communeId}/training/teams`)).body as { items: { name: string; villages: { name: string }[] }[] };
    const team = teams.items.find((t) => t.villages.some((v) => v.name === 'Thôn Đông'))!.name;
    await page.goto(`${e2e.baseUrl}/training/sessions`);
    await page.getByTestId('session-import-open').click();
    const drawer = page.getByTestId('session-import');
    await drawer.waitFor();
    const input = drawer.locator('input[type=file]');
    const place = 'Sân nhà văn hóa (nhập từ Excel)';

    await input.setInputFiles(
      await workbook(
        [['B1', '31/02/2025', '07:30', 'Thôn Đông', team, place, 'KNS.THIET_BI']],
        [
          ['B1', 'Quách Văn Nhập', 1968, 'Nam'],
          ['B9', 'Quách Thị Lạc', 1970, 'Nữ'],
        ],
      ),
    );
    const errors = page.getByTestId('session-import-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('"31/02/2025" không phải ngày');
    expect(text).toContain('"B9" không có ở trang Buổi học');
    expect(text).toContain('Điểm danh');
    expect(await page.getByTestId('session-import-commit').isDisabled()).toBe(true);
    await expectNoSeriousViolations(page, 'sessions import dry run');

    await input.setInputFiles(
      await workbook(
        [['B1', '12/05/2025', '07:30', 'Thôn Đông', team, place, 'KNS.THIET_BI; KNS.AN_TOAN']],
        [
          ['B1', 'Quách Văn Nhập', 1968, 'Nam'],
          ['B1', 'Quách Thị Lạc', 1970, 'Nữ'],
        ],
      ),
    );
    await expect.poll(() => page.getByTestId('session-import-summary').innerText()).toContain('1 buổi mới');
    expect(await page.getByTestId('session-import-summary').innerText()).toContain('2 người dân sẽ được thêm mới');
    await page.getByTestId('session-import-commit').click();
    await drawer.waitFor({ state: 'detached' });

    const list = (await fetchInPage(page, `/api/communes/${communeId}/training/sessions?year=2025&pageSize=200`)).body as {
      items: { id: string; place: string; attendees: number }[];
    };
    const imported = list.items.find((s) => s.place === place);
    expect(imported?.attendees).toBe(2);
    expect(e2e.pageErrors).toEqual([]);
  });
});
