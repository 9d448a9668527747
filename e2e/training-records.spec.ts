import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { expectNoSeriousViolations, horizontalOverflow } from './support/a11y';
import { describeE2E, loginViaUi } from './support/fixture';

const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, bypassCSP: true };
const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };
const screens = [
  { label: '1366 px', options: desktop },
  { label: '360 px', options: phone },
];

async function noHorizontalScroll(page: Page, label: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${label}: document ${widths.scroll} > ${widths.client}`).toBeLessThanOrEqual(widths.client);
  expect((await horizontalOverflow(page)).wide, label).toEqual([]);
}

/** Click what downloads a file; the first sheet's rows as texts. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return { name: download.suggestedFilename(), rows };
}

const text = (l: Locator) => l.innerText();

describeE2E(
  'Bình dân học vụ số: số người hoàn thành theo nhóm, tuổi, giới tính; xuất Excel các danh sách',
  (e2e) => {
    for (const screen of screens) {
      it(`cán bộ xã xem bảng hoàn thành học phần, đổi cách chia, xuất Excel; trang không cuộn ngang (${screen.label})`, async () => {
        const page = await e2e.newPage(screen.options);
        await loginViaUi(page, 'giaphuc.vhxh');
        await page.goto(`${e2e.baseUrl}/training`);
        const card = page.getByTestId('training-module-breakdown');
        await card.waitFor();
        await expect.poll(() => card.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
        expect(await text(card)).toContain('Người lao động trong doanh nghiệp');
        expect(await text(card)).not.toMatch(/KNS\.|pupils|[0-9a-f]{8}-[0-9a-f]{4}-/u);
        await card.getByText('Độ tuổi', { exact: true }).click();
        await expect.poll(() => text(card)).toContain('25-34');
        await card.getByText('Giới tính', { exact: true }).click();
        await expect.poll(() => text(card)).toContain('Nữ');
        await page.waitForLoadState('networkidle');
        await noHorizontalScroll(page, `overview at ${screen.label}`);
        await e2e.screenshot(page, `training-breakdown-${screen.options.viewport!.width}`);
        await expectNoSeriousViolations(page, `overview at ${screen.label}`);

        const breakdown = await downloaded(page, () => page.getByTestId('training-breakdown-export').click());
        expect(breakdown.name).toMatch(/\.xlsx$/u);
        expect(breakdown.rows[1]).toContain('Từ 65 tuổi trở lên');
        await page.getByTestId('training-overview-export').click();
        const villages = await downloaded(page, () => page.getByText('Độ bao phủ theo thôn (Excel)').click());
        expect(villages.rows[0]![0]).toBe('Thôn, tổ dân phố');
        expect(villages.rows.at(-1)![0]).toBe('Toàn xã');
        await page.getByTestId('training-overview-export').click();
        const help = await downloaded(page, () => page.getByText('Sổ hỗ trợ người dân (Excel)').click());
        expect(help.rows[0]).toEqual([
          'Ngày',
          'Thôn, tổ dân phố',
          'Tổ công nghệ số cộng đồng',
          'Nội dung hỗ trợ',
          'Người dân được hỗ trợ',
          'Số người',
          'Ghi chú',
        ]);

        await page.goto(`${e2e.baseUrl}/training/sessions`);
        await page.getByTestId('session-export').waitFor();
        await noHorizontalScroll(page, `sessions at ${screen.label}`);
        const sessions = await downloaded(page, () => page.getByTestId('session-export').click());
        expect(sessions.rows[0]![0]).toBe('Ngày');
        expect(sessions.rows.length).toBeGreaterThan(1);
        expect(sessions.rows[1]![0]).toMatch(/^\d\d\/\d\d\/\d{4}$/u);

        await page.goto(`${e2e.baseUrl}/training/teams`);
        await page.getByTestId('team-export').waitFor();
        await noHorizontalScroll(page, `teams at ${screen.label}`);
        const teams = await downloaded(page, () => page.getByTestId('team-export').click());
        expect(teams.rows[0]).toEqual(['Tên tổ', 'Trực thuộc', 'Số quyết định thành lập', 'Ngày quyết định', 'Thôn, tổ dân phố phụ trách', 'Số thành viên']);
        expect(teams.rows.length).toBeGreaterThan(1);
        expect(e2e.pageErrors).toEqual([]);
      });
    }
  },
  { movement: true },
);
