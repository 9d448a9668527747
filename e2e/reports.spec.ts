import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rowsOf } from '@tds/api/src/db/security';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { describeE2E, loginViaUi } from './support/fixture';
import { dialogsSettled } from './support/antd';

/** The school's indicator in the demo: officials who completed the basic digital-skills course (a ratio). */
const CODE = 'CQ.CBCC_HOAN_THANH_KHOA_HOC';

/** Click an action button, then its modal's confirm button (with a comment when the action needs one). */
async function act(page: Page, action: 'submit' | 'return' | 'accept', comment?: string) {
  await page.getByTestId(`report-${action}`).click();
  if (comment) await page.getByTestId(`report-${action}-comment`).fill(comment);
  await page.getByTestId(`report-${action}-confirm`).waitFor();
  await dialogsSettled(page);
  await page.getByTestId(`report-${action}-confirm`).click();
}

/** Wait until the autosave has written what was typed (the status line's state is 'saved'). */
async function saved(page: Page) {
  await expect.poll(() => page.getByTestId('report-save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
}

/** The report requests a page sent and how they were answered (said when a status does not come). */
const exchanges = new WeakMap<Page, string[]>();
function recordReports(page: Page) {
  const log: string[] = [];
  exchanges.set(page, log);
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('request', (r) => {
    if (r.url().includes('/reports/') && r.method() !== 'GET')
      log.push(`${at()} ${r.method()} ${new URL(r.url()).pathname.split('/').slice(-2).join('/')} ${r.postData()?.slice(0, 80) ?? ''}`);
  });
  page.on('response', (r) => {
    const q = r.request();
    if (q.url().includes('/reports/') && q.method() !== 'GET') log.push(`${at()} -> ${r.status()} ${q.method()} ${new URL(q.url()).pathname.split('/').pop()}`);
  });
  page.on('requestfailed', (q) => {
    if (q.url().includes('/reports/')) log.push(`${at()} failed ${q.method()} ${q.url()}: ${q.failure()?.errorText}`);
  });
}

/** Wait for the report's status; on timeout, say what the page shows (an error alert, the status, the buttons) and what it sent. */
async function statusIs(page: Page, status: string) {
  const tag = page.getByTestId('report-status').first();
  try {
    await expect.poll(() => tag.getAttribute('data-status'), { timeout: 20_000 }).toBe(status);
  } catch (err) {
    const alerts = await page.locator('.ant-alert, .ant-modal-body, .ant-message').allInnerTexts();
    const buttons = await page
      .locator('.ant-modal-footer button')
      .evaluateAll((bs) => bs.map((b) => `${b.textContent}${b.className.includes('loading') ? ' (loading)' : ''}`));
    const save = await page
      .getByTestId('report-save-status')
      .getAttribute('data-state')
      .catch(() => null);
    throw new Error(
      `report status is not '${status}' (${await tag.getAttribute('data-status')}); autosave ${save}; the page shows: ${alerts.join(' | ')}; modal buttons: ${buttons.join(', ')}; sent: ${(exchanges.get(page) ?? []).join('; ')}`,
      { cause: err },
    );
  }
}

describeE2E(
  'báo cáo: nộp, trả lại, nộp lại, tiếp nhận, bảng điều khiển cập nhật',
  (e2e) => {
    it('đầu mối trường nộp báo cáo, xã trả lại, trường sửa và nộp lại, xã tiếp nhận, số liệu xã đổi trên bảng điều khiển đang mở, không cần tải lại', async () => {
      // The school's latest report that has fallen due and was never started (the demo leaves it open).
      const [item] = rowsOf<{ id: string; year: number; period: number }>(
        await inScope(e2e.app.database.db, SYSTEM_SCOPE, (tx) =>
          tx.execute(sql`
      select d.id, d.year, d.period from due_item d join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
      where u.code = 'TH-GP' and d.kind = 'report' and d.due_date < current_date
        and not exists (select 1 from report r where r.commune_id = d.commune_id and r.due_item_id = d.id)
      order by d.due_date desc limit 1`),
        ),
      );
      expect(item, 'the demo leaves a report of the school open').toBeTruthy();

      // The focal point opens it from "Việc phải nộp", writes, types the figures, and submits.
      const school = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
      // "Việc phải nộp" opens on the current year: let the page live in the report's year, whatever today is.
      await school.clock.setSystemTime(new Date(`${item!.year}-12-20T09:00:00+07:00`));
      recordReports(school);
      await loginViaUi(school, 'giaphuc.truong-th');
      await school.getByTestId('menu-reports').click();
      await school.waitForURL('**/reports');
      await school.getByTestId(`open-report-${item!.id}`).click();
      await school.waitForURL(/\/reports\/[0-9a-f-]{36}$/u);
      const reportUrl = new URL(school.url()).pathname;
      await school.getByTestId('report-section-0').fill('Nhà trường đã tổ chức cho toàn bộ giáo viên học kỹ năng số cơ bản trên nền tảng Bình dân học vụ số.');
      await school.getByTestId(`report-value-${CODE}-numerator`).fill('20');
      await school.getByTestId(`report-value-${CODE}-denominator`).fill('25');
      await expect.poll(() => school.getByTestId(`report-value-${CODE}-percent`).innerText()).toContain('80');
      await saved(school);
      await act(school, 'submit');
      await statusIs(school, 'submitted');

      // The commune admin returns it with a comment.
      const admin = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
      recordReports(admin);
      await loginViaUi(admin, 'giaphuc.vhxh');
      await admin.goto(reportUrl);
      await admin.getByTestId('report-return').waitFor();
      await act(admin, 'return', 'Đề nghị bổ sung số giáo viên đã hoàn thành trong tháng 11.');
      await statusIs(admin, 'returned');

      // The focal point sees the comment, corrects the figure and submits again.
      await school.reload();
      await expect.poll(() => school.getByTestId('report-review-comment').innerText()).toContain('bổ sung số giáo viên');
      await school.getByTestId(`report-value-${CODE}-numerator`).fill('24');
      await saved(school);
      await act(school, 'submit');
      await statusIs(school, 'submitted');

      // The admin keeps the dashboard open on the report's year, then accepts the report in another tab.
      const dashboard = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
      await loginViaUi(dashboard, 'giaphuc.vhxh');
      await dashboard.goto(`/progress?year=${item!.year}&period=${item!.period}`);
      const figure = dashboard.getByTestId(`progress-indicator-${CODE}`);
      await figure.waitFor();
      const before = await figure.getAttribute('data-value');

      await admin.reload();
      await statusIs(admin, 'submitted');
      await act(admin, 'accept');
      await statusIs(admin, 'accepted');
      await admin.getByTestId('report-locked').waitFor();

      // Live roll-up: the commune figure (Σ numerators ÷ Σ denominators) changes without a reload (the
      // page refetches every 5 s; bench/province measures the freshness itself).
      await expect.poll(() => figure.getAttribute('data-value'), { timeout: 12_000, interval: 250 }).not.toBe(before);
      const api = (await dashboard.evaluate(
        async (url) => (await fetch(url)).json(),
        `/api/communes/${e2e.ids.giaPhuc}/progress/indicators?year=${item!.year}&period=${item!.period}`,
      )) as unknown;
      expect(JSON.stringify(api)).toContain(CODE);
      await e2e.screenshot(dashboard, 'progress-dashboard');
    });
  },
  { movement: true },
);
