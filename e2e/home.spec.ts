import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addDays, formatDateVi, todayVn, vnDayStart } from '@tds/contracts';
import { rowsOf } from '@tds/api/src/db/security';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { describeE2E, loginViaUi } from './support/fixture';

const WIDTH = 360;
const phone = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const SCHOOL = 'Trường Tiểu học Gia Phúc';

/** "Việc của tôi" on the home page: the school's focal point sees its work and opens it in one click. */
describeE2E(
  'trang chủ: việc của tôi',
  (e2e) => {
    const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
      rowsOf<T>(await inScope(e2e.app.database.db, SYSTEM_SCOPE, (tx) => tx.execute(q)))[0];

    it('đầu mối trường thấy báo cáo sắp đến hạn, bấm một lần là vào đúng báo cáo', async () => {
      // A report of the school not started yet, due in 3 days (counted from today in Vietnam, as the server does).
      const due = addDays(todayVn(), 3);
      const item = await one<{ id: string; title: string }>(sql`
        update due_item set due_date = ${due}::date, late_after = ${vnDayStart(addDays(due, 1)).toISOString()}::timestamptz
        where id = (select d.id from due_item d join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
                    where u.code = 'TH-GP' and d.kind = 'report'
                      and not exists (select 1 from report r where r.commune_id = d.commune_id and r.due_item_id = d.id)
                    order by d.year desc, d.period desc limit 1)
        returning id, title`);
      expect(item, 'the demo has a report of the school not started').toBeTruthy();

      const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(page, 'giaphuc.truong-th');
      await page.getByTestId('my-work').getByText('Việc của tôi').waitFor();
      const group = page.getByTestId('my-work-group-due_soon');
      const row = group.getByTestId('my-work-item').filter({ hasText: `${item!.title} – ${SCHOOL}` });
      await row.waitFor();
      expect(await row.getByTestId('my-work-when').innerText()).toBe('còn 3 ngày');
      expect(await row.innerText()).toContain(`Hạn ${formatDateVi(due)}`);
      expect(Number(await page.getByTestId('my-work-count-due_soon').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      await e2e.screenshot(page, 'home-my-work-1366');

      await row.getByTestId('my-work-link').click();
      // Through the due item's link the report is opened, then shown at its own address.
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/u);
      await expect.poll(() => page.getByTestId('report-status').first().getAttribute('data-status')).toBe('draft');
      const opened = await one<{ id: string }>(sql`select id from report where due_item_id = ${item!.id}`);
      expect(new URL(page.url()).pathname).toBe(`/reports/${opened!.id}`);
    });

    it('ở 360 px: không cuộn ngang; báo cáo bị trả lại hiện kèm ý kiến và mở đúng trang', async () => {
      const r = await one<{ id: string }>(sql`
        update report set status = 'returned', review_comment = 'Bổ sung số liệu về lớp học kỹ năng số.', reviewed_at = now()
        where id = (select r.id from report r join unit u on u.commune_id = r.commune_id and u.id = r.unit_id
                    where u.code = 'TH-GP' and r.kind = 'report' and r.status in ('submitted', 'accepted')
                    order by r.year desc, r.period desc limit 1)
        returning id`);
      expect(r, 'the demo has a submitted report of the school').toBeTruthy();

      const page = await e2e.newPage(phone);
      await loginViaUi(page, 'giaphuc.truong-th');
      const row = page.getByTestId('my-work-group-returned').getByTestId('my-work-item').filter({ hasText: 'Bổ sung số liệu về lớp học kỹ năng số.' });
      await row.waitFor();
      expect(await row.getByTestId('my-work-when').innerText()).toBe('trả lại hôm nay');
      await page.getByTestId('my-work-count-returned').waitFor();
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
      expect(width.scroll, `horizontal overflow ${width.scroll - width.inner} px`).toBeLessThanOrEqual(width.inner);
      await e2e.screenshot(page, 'home-my-work-360');

      await row.getByTestId('my-work-link').click();
      await page.waitForURL(`**/reports/${r!.id}`);
      await expect.poll(() => page.getByTestId('report-status').first().getAttribute('data-status')).toBe('returned');
    });

    it('cán bộ xã thấy báo cáo chờ duyệt: bấm vào là mở báo cáo để duyệt; "Xem tất cả" mở hàng chờ duyệt', async () => {
      // Waiting for the office: submitted reports, and answers to inspection recommendations.
      const waiting = await one<{ n: number }>(
        sql`select (select count(*) from report where commune_id = ${e2e.ids.giaPhuc} and status = 'submitted')::int
          + (select count(*) from inspection_recommendation where commune_id = ${e2e.ids.giaPhuc} and status = 'answered')::int as n`,
      );
      expect(waiting!.n, 'the demo has submitted reports of Gia Phúc').toBeGreaterThan(0);
      const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      await loginViaUi(page, 'giaphuc.vhxh');
      await expect.poll(() => page.getByTestId('my-work-count-to_review').getAttribute('data-count')).toBe(String(waiting!.n));
      const first = page.getByTestId('my-work-group-to_review').locator('[data-testid="my-work-link"][href^="/reports/"]').first();
      const href = await first.getAttribute('href');
      expect(href).toMatch(/^\/reports\/[0-9a-f-]{36}$/u);
      await first.click();
      await page.waitForURL(`**${href}`);
      await expect.poll(() => page.getByTestId('report-status').first().getAttribute('data-status')).toBe('submitted');
      await page.goBack();
      await page.getByTestId('my-work-all-to_review').click();
      await page.waitForURL('**/reports?tab=queue');
      await page.getByTestId('review-queue-table').waitFor();
    });

    it('chủ tịch xã không có việc nào ở đây: thấy lời nhắn, không phải lỗi', async () => {
      const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
      // The chairman (also on the council) reads and publishes, but owes no report and reviews none.
      await loginViaUi(page, 'giaphuc.chutich');
      await page.getByTestId('my-work-empty').getByText('Không có việc nào cần làm.').waitFor();
      expect(await page.getByTestId('my-work-count-to_review').getAttribute('data-count')).toBe('0');
    });
  },
  { movement: true },
);
