import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { vietnamYear } from '@tds/contracts';
import { communeReport } from '@tds/api/src/modules/commune-reports/commune-reports.table';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { seriousViolations } from './support/a11y';
import { dialogsSettled } from './support/antd';
import { describeE2E, loginViaUi } from './support/fixture';

/** Wait for the report's status; on timeout, say what the page shows (an error alert, the status). */
async function statusIs(page: Page, status: string) {
  const root = page.getByTestId('commune-report-page');
  try {
    await expect.poll(() => root.getAttribute('data-status'), { timeout: 20_000 }).toBe(status);
  } catch (err) {
    const alerts = await page.locator('.ant-alert, .ant-modal-body, .ant-message').allInnerTexts();
    throw new Error(`commune report status is not '${status}' (${await root.getAttribute('data-status')}); the page shows: ${alerts.join(' | ')}`, {
      cause: err,
    });
  }
}

/** How many pixels the page is wider than the screen (0 when nothing overflows). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const COMMENT = 'Đề nghị xã bổ sung kết quả Bình dân học vụ số của các thôn.';

describeE2E(
  'báo cáo của xã gửi tỉnh: nộp, tỉnh trả lại, xã nộp lại, tỉnh tiếp nhận',
  (e2e) => {
    it('xã lấy số liệu và nộp báo cáo năm lên tỉnh, tỉnh trả lại kèm ý kiến, xã thấy ý kiến và nộp lại, tỉnh tiếp nhận; trang không tràn ở 360 px', async () => {
      const year = Math.min(2030, Math.max(2025, vietnamYear()));
      const [row] = await inScope(e2e.app.database.db, SYSTEM_SCOPE, (tx) =>
        tx
          .select({ id: communeReport.id })
          .from(communeReport)
          .where(and(eq(communeReport.communeId, e2e.ids.giaPhuc), eq(communeReport.periodKind, 'year'), eq(communeReport.year, year))),
      );
      expect(row, 'publishing the demo plan gives Gia Phúc its yearly reports to the province').toBeTruthy();

      // The commune admin opens this year's report from "Báo cáo lên tỉnh", gathers the figures, writes and submits.
      const commune = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
      await loginViaUi(commune, 'giaphuc.vhxh');
      await commune.getByTestId('menu-commune-reports').click();
      await commune.waitForURL('**/commune-reports');
      await commune.getByTestId(`open-commune-report-${year}-year`).click();
      await commune.waitForURL(/\/commune-reports\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/u);
      const reportUrl = new URL(commune.url()).pathname;
      await statusIs(commune, 'draft');
      await commune.getByTestId('commune-report-prepare').click();
      await commune.getByTestId('commune-report-figures-0').waitFor();
      await commune.getByTestId('commune-report-text-0').fill('Xã đã triển khai đầy đủ các nội dung của kế hoạch; các đơn vị nộp báo cáo đúng hạn.');
      await commune.getByTestId('commune-report-submit').click();
      await commune.getByTestId('commune-report-submit-confirm').waitFor();
      await dialogsSettled(commune);
      await commune.getByTestId('commune-report-submit-confirm').click();
      await statusIs(commune, 'submitted');
      await expect.poll(() => commune.getByTestId('commune-report-submit').count()).toBe(0);

      // The province officer sees Gia Phúc submitted on "Báo cáo của các xã" and returns the report with a comment.
      const province = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
      await loginViaUi(province, 'haiphong.sonoivu');
      await province.getByTestId('menu-province-commune-reports').click();
      await province.waitForURL('**/province/commune-reports');
      await expect.poll(() => province.getByTestId(`province-commune-status-${e2e.ids.giaPhuc}`).getAttribute('data-standing')).toBe('submitted');
      await expect.poll(() => province.getByTestId(`province-commune-status-${e2e.ids.hungDao}`).getAttribute('data-standing')).toBe('no_item');
      await province.getByTestId(`province-commune-open-${e2e.ids.giaPhuc}`).click();
      await province.waitForURL(`**${reportUrl}`);
      await province.getByTestId('commune-report-return').click();
      await province.getByTestId('commune-report-comment').fill(COMMENT);
      await province.getByTestId('commune-report-return-confirm').waitFor();
      await dialogsSettled(province);
      await province.getByTestId('commune-report-return-confirm').click();
      await statusIs(province, 'returned');

      // The commune sees the province's comment, corrects its text and submits again.
      await commune.reload();
      await statusIs(commune, 'returned');
      await expect.poll(() => commune.getByTestId('commune-report-review-comment').innerText()).toContain('Bình dân học vụ số của các thôn');
      await commune.getByTestId('commune-report-text-0').fill('Xã đã bổ sung kết quả Bình dân học vụ số của 8 thôn: 2.400 lượt người dân được hướng dẫn.');
      await commune.getByTestId('commune-report-submit').click();
      await commune.getByTestId('commune-report-submit-confirm').waitFor();
      await dialogsSettled(commune);
      await commune.getByTestId('commune-report-submit-confirm').click();
      await statusIs(commune, 'submitted');

      // The province accepts it; the list counts it received.
      await province.reload();
      await statusIs(province, 'submitted');
      await province.getByTestId('commune-report-accept').click();
      await province.getByTestId('commune-report-accept-confirm').waitFor();
      await dialogsSettled(province);
      await province.getByTestId('commune-report-accept-confirm').click();
      await statusIs(province, 'accepted');
      await expect.poll(() => province.getByTestId('commune-report-history').innerText()).toContain('Tỉnh trả lại');
      await province.goto('/province/commune-reports');
      await expect.poll(() => province.getByTestId(`province-commune-status-${e2e.ids.giaPhuc}`).getAttribute('data-standing')).toBe('accepted');
      await e2e.screenshot(province, 'commune-report-province');
      // The province dashboard says which communes have submitted.
      await province.goto('/progress');
      await expect.poll(() => province.getByTestId('dashboard-commune-submissions').innerText()).toMatch(/Đã tiếp nhận\s*1/u);

      // On a 360 px phone nothing is wider than the screen: the commune's list and report, the province's table.
      const phone = await e2e.newPage({ viewport: { width: 360, height: 760 }, bypassCSP: true });
      await loginViaUi(phone, 'giaphuc.vhxh');
      await phone.goto('/commune-reports');
      await phone.getByTestId(`open-commune-report-${year}-year`).waitFor();
      expect(await overflow(phone), 'commune list at 360 px').toBeLessThanOrEqual(0);
      expect(await seriousViolations(phone), 'axe: commune list').toEqual([]);
      await phone.goto(reportUrl);
      await statusIs(phone, 'accepted');
      await phone.getByTestId('commune-report-figures-0').waitFor();
      expect(await overflow(phone), 'commune report at 360 px').toBeLessThanOrEqual(0);
      expect(await seriousViolations(phone), 'axe: commune report').toEqual([]);
      await e2e.screenshot(phone, 'commune-report-360');
      const phoneProvince = await e2e.newPage({ viewport: { width: 360, height: 760 }, bypassCSP: true });
      await loginViaUi(phoneProvince, 'haiphong.sonoivu');
      await phoneProvince.goto('/province/commune-reports');
      await phoneProvince.getByTestId(`province-commune-status-${e2e.ids.giaPhuc}`).waitFor();
      expect(await overflow(phoneProvince), 'province table at 360 px').toBeLessThanOrEqual(0);
      expect(await seriousViolations(phoneProvince), 'axe: province table').toEqual([]);
      await e2e.screenshot(phoneProvince, 'province-commune-reports-360');
    });
  },
  { movement: true },
);
