import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { rowsOf } from '@tds/api/src/db/security';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { describeE2E, loginViaUi, type E2E } from './support/fixture';
import { formatViolations, horizontalOverflow, seriousViolations } from './support/a11y';

// bypassCSP: the app's Content-Security-Policy (script-src 'self') would block the injected axe script.
const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 800 }, bypassCSP: true };
const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, bypassCSP: true };

/** Wait until the page has its data: no request in flight, no spinner or skeleton, animations over. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 15_000 });
  // Drawers, popovers and tab ink bars animate for up to 0.3 s.
  await page.waitForTimeout(300);
}

/** The page's last failed requests and errors, kept for the message when a page does not come. */
const troubles = new WeakMap<Page, string[]>();
function watch(page: Page): string[] {
  let seen = troubles.get(page);
  if (seen) return seen;
  const log: string[] = [];
  const keep = (line: string) => {
    log.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (log.length > 30) log.shift();
  };
  page.on('response', (r) => {
    if (r.status() >= 400) keep(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => keep(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('pageerror', (e) => keep(`pageerror ${e.message}`));
  // What the error boundary caught, or why a module failed (a failed chunk logs here, not as a page error).
  page.on('console', (m) => {
    if (m.type() === 'error') keep(`console ${m.text().slice(0, 300)}`);
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) keep(`navigated ${f.url()}`);
  });
  troubles.set(page, (seen = log));
  return seen;
}

/**
 * Visit `path`, wait for `ready` and the data. A page that does not show `ready` within 15 s is
 * loaded once more, and what went wrong (its URL, text, failed requests) is printed; a second miss fails.
 */
async function visit(page: Page, path: string, ready?: string): Promise<void> {
  const log = watch(page);
  await page.goto(path);
  if (ready) {
    const target = page.getByTestId(ready).first();
    try {
      await target.waitFor();
    } catch (err) {
      const text = (
        await page
          .locator('body')
          .innerText()
          .catch(() => '')
      )
        .replace(/\s+/g, ' ')
        .slice(0, 400);
      const what = `[a11y] ${path}: "${ready}" did not show within 15 s at ${page.url()}; page text: ${text}\n  ${log.join('\n  ')}`;
      console.warn(what);
      await page.goto(path);
      await target.waitFor().catch((again: unknown) => {
        throw new Error(`${what}\n  and again after reloading: ${String(again)}`, { cause: err });
      });
    }
  }
  await settle(page);
}

/** Seed plan 002, pasted into the import wizard: its preamble has legal bases. */
const SEED_002 = path.join(path.dirname(fileURLToPath(import.meta.url)), '../apps/api/src/modules/plans/fixtures/002_11f87cc7687ac78a.txt');

interface Ids {
  planId: string;
  /** A report of the commune waiting for review. */
  submittedReportId: string;
  /** A report of the focal point's school. */
  schoolReportId: string;
}

async function findIds(e2e: E2E): Promise<Ids> {
  return inScope(e2e.app.database.db, SYSTEM_SCOPE, async (tx) => {
    const [p] = rowsOf<{ id: string }>(await tx.execute(sql`select id from plan where commune_id = ${e2e.ids.giaPhuc} order by created_at limit 1`));
    const [s] = rowsOf<{ id: string }>(
      await tx.execute(sql`select id from report where commune_id = ${e2e.ids.giaPhuc} and status = 'submitted' order by submitted_at desc limit 1`),
    );
    const [r] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        select r.id from report r join unit u on u.commune_id = r.commune_id and u.id = r.unit_id
        where u.code = 'TH-GP' order by r.updated_at desc limit 1`),
    );
    if (!p || !s || !r) throw new Error('a11y: the demo movement lacks a plan or reports');
    return { planId: p.id, submittedReportId: s.id, schoolReportId: r.id };
  });
}

type Check = { path: string; label: string; ready?: string; after?: (page: Page) => Promise<void> };

/** Visit each page and collect its serious/critical violations into `failures`. */
async function audit(page: Page, viewport: string, checks: Check[], failures: string[]): Promise<void> {
  for (const c of checks) {
    const started = Date.now();
    await visit(page, c.path, c.ready);
    if (c.after) {
      await c.after(page);
      await settle(page);
    }
    const v = await seriousViolations(page);
    if (v.length > 0) failures.push(formatViolations(`${c.label} (${c.path}) @${viewport}`, v));
    if (process.env.TDS_A11Y_TIMING) console.log(`[a11y] ${viewport} ${c.path}: ${Date.now() - started} ms`);
  }
}

const openBell = async (page: Page) => {
  await page.getByTestId('notification-bell').click();
  await page.getByTestId('notification-list').waitFor();
};

function officerPages(ids: Ids): Check[] {
  return [
    { path: '/', label: 'Trang chủ', ready: 'user-menu' },
    { path: '/plans', label: 'Kế hoạch', ready: 'plan-row-title' },
    { path: `/plans/${ids.planId}`, label: 'Chi tiết kế hoạch', ready: 'plan-title' },
    { path: '/plans/import', label: 'Nhập kế hoạch, bước 1', ready: 'import-parse' },
    { path: '/org', label: 'Tổ chức', ready: 'unit-row-name' },
    { path: '/people', label: 'Cá nhân', ready: 'person-table' },
    { path: '/users', label: 'Người dùng', ready: 'user-table' },
    { path: '/reports', label: 'Báo cáo', ready: 'reports-tab-due' },
    { path: '/reports?tab=queue', label: 'Báo cáo chờ duyệt', ready: 'review-queue-table' },
    { path: `/reports/${ids.submittedReportId}`, label: 'Một báo cáo', ready: 'report-title' },
    { path: '/registration', label: 'Đăng ký thi đua', ready: 'registration-plan' },
    { path: '/progress', label: 'Tiến độ', ready: 'progress-updated' },
    { path: '/indicators', label: 'Chỉ tiêu', ready: 'indicators-tab-catalog' },
    { path: '/audit', label: 'Nhật ký', ready: 'audit-table' },
    { path: '/reminders', label: 'Nhắc hạn', ready: 'user-menu' },
    { path: '/', label: 'Thông báo', ready: 'notification-bell', after: openBell },
  ];
}

function focalPages(ids: Ids): Check[] {
  return [
    { path: '/', label: 'Trang chủ', ready: 'user-menu' },
    { path: '/plans', label: 'Kế hoạch', ready: 'plan-row-title' },
    { path: `/plans/${ids.planId}`, label: 'Chi tiết kế hoạch', ready: 'plan-title' },
    { path: '/reports', label: 'Báo cáo', ready: 'reports-tab-due' },
    { path: `/reports/${ids.schoolReportId}`, label: 'Báo cáo của trường', ready: 'report-title' },
    { path: '/registration', label: 'Đăng ký thi đua', ready: 'registration-plan' },
    { path: '/progress', label: 'Tiến độ', ready: 'progress-updated' },
    { path: '/indicators', label: 'Chỉ tiêu', ready: 'indicators-tab-catalog' },
    { path: '/', label: 'Thông báo', ready: 'notification-bell', after: openBell },
  ];
}

describeE2E(
  'trợ năng (axe, WCAG 2 A/AA): không có lỗi nghiêm trọng trên các trang chính',
  (e2e) => {
    let ids: Ids | undefined;
    const need = async () => (ids ??= await findIds(e2e));

    /** Signed out, then the commune officer, then the focal point, in one context of the viewport. */
    async function tour(name: string, options: BrowserContextOptions, found: Ids, failures: string[]): Promise<void> {
      const page = await e2e.newPage(options);
      await audit(page, name, [{ path: '/login', label: 'Đăng nhập', ready: 'login-submit' }], failures);
      // html lang follows the language in use.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');

      await loginViaUi(page, 'giaphuc.vhxh');
      await audit(page, name, officerPages(found), failures);

      // Sign out through the cookies (a fresh session in the same context), then the focal point.
      await page.context().clearCookies();
      await loginViaUi(page, 'giaphuc.truong-th');
      await audit(page, name, focalPages(found), failures);
    }

    it('1366×800 và 360×740: trang đăng nhập, cán bộ xã, đầu mối đơn vị', async () => {
      const found = await need();
      // Every page is visited before failing, so that one run lists everything to fix. The two
      // viewports run side by side (the time is mostly waiting for the pages).
      const failures: string[] = [];
      await Promise.all([tour('1366×800', desktop, found, failures), tour('360×740', phone, found, failures)]);
      expect(failures.join('\n\n'), 'axe: serious or critical violations').toBe('');
    }, 170_000);

    it('360×740: không bảng nào rộng hơn trang (danh sách, chi tiết kế hoạch, cá nhân, hàng chờ duyệt, căn cứ trong trình nhập)', async () => {
      const found = await need();
      const page = await e2e.newPage(phone);
      await loginViaUi(page, 'giaphuc.vhxh');
      const problems: string[] = [];
      const check = async (label: string) => {
        const o = await horizontalOverflow(page);
        if (o.scrollWidth > o.innerWidth || o.wide.length > 0) {
          problems.push(`${label}: document ${o.scrollWidth} px for a ${o.innerWidth} px screen; wider: ${o.wide.join(', ') || '—'}`);
        }
      };
      await visit(page, '/plans', 'plan-row-title');
      await check('Kế hoạch');
      // Every tab of the plan's page (the deadlines table is on 'timeline').
      for (const tab of ['overview', 'contents', 'criteria', 'timeline', 'responsibilities', 'documents', 'history']) {
        await visit(page, `/plans/${found.planId}?tab=${tab}`, 'plan-title');
        await check(`Chi tiết kế hoạch, thẻ ${tab}`);
      }
      // People: one column on a phone (name, then gender, birth year and unit), no sideways scrolling.
      await visit(page, '/people', 'person-table');
      await page.getByTestId('person-table').locator('.ant-table-row a').first().waitFor();
      await check('Cá nhân');
      await visit(page, '/reports?tab=queue', 'review-queue-table');
      await page.getByTestId('review-queue-table').locator('[data-testid^="review-report-"]').first().waitFor();
      await check('Hàng chờ duyệt');
      // The wizard: paste a plan with legal bases, read it, and look at the review step's form.
      await visit(page, '/plans/import', 'import-parse');
      await page.getByTestId('import-text').fill(readFileSync(SEED_002, 'utf8'));
      await page.getByTestId('import-parse').click();
      await page.locator('#plan-section-legal input').first().waitFor();
      await settle(page);
      await page.locator('#plan-section-legal').scrollIntoViewIfNeeded();
      await check('Trình nhập: căn cứ');
      expect(problems.join('\n'), 'horizontal overflow at 360 px').toBe('');
    }, 90_000);
  },
  { movement: true },
);
