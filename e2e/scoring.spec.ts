import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { horizontalOverflow } from './support/a11y';
import { dialogsSettled } from './support/antd';
import { eq } from 'drizzle-orm';
import { seedInspections } from '@tds/api/src/demo/seed-inspections';
import { appUser } from '@tds/api/src/modules/users/users.table';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { DEMO_PASSWORD, describeE2E, loginViaUi } from './support/fixture';
import { inspectSchoolViaUi, SCHOOL_INSPECTION } from './support/inspection-flow';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Seed plan 000: its participant groups and their criteria ("a) Đối với các cơ quan, đơn vị ..."). */
const SEED_000 = readFileSync(path.join(root, 'apps/api/src/modules/plans/fixtures/000_d8b7d3d9952b7702.txt'), 'utf8');

const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, bypassCSP: true };
const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };
const SCHOOL = 'Trường Tiểu học Gia Phúc';

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
const confirmOk = async (page: Page) => {
  await page.locator('.ant-modal-confirm-btns .ant-btn-primary').waitFor();
  await dialogsSettled(page);
  await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
};

async function noHorizontalScroll(page: Page, label: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${label}: document ${widths.scroll} > ${widths.client}`).toBeLessThanOrEqual(widths.client);
  expect((await horizontalOverflow(page)).wide, label).toEqual([]);
}

/** A council member scores the school: every criterion's points, then submits once. */
async function scoreSchool(page: Page, rubricUrl: string, schoolId: string, points: (i: number, max: number) => number) {
  await page.goto(rubricUrl);
  await page.getByTestId(`score-${schoolId}`).click();
  await page.getByTestId('score-entry-1').waitFor();
  const n = await page.locator('[data-testid^="score-entry-"]').count();
  for (let i = 1; i <= n; i++) {
    const input = page.getByTestId(`score-points-${i}`);
    const max = Number(await input.getAttribute('aria-valuemax'));
    await input.fill(String(points(i, max)));
  }
  await page.getByTestId('score-submit').click();
  await confirmOk(page);
  await expect.poll(() => page.getByText('Bạn đã nộp phiếu chấm cho đơn vị này.').count()).toBe(1);
  expect(await page.getByTestId('score-submit').count()).toBe(0);
}

let planTitle = '';

describeE2E(
  'chấm điểm thi đua: kiểm tra trường (lên kế hoạch, ghi kết quả, trường trả lời, đóng), bảng tiêu chí từ kế hoạch 000, trường tự chấm dẫn kết quả kiểm tra đó, hai thành viên Hội đồng chấm, công bố, xếp hạng, bảng điểm',
  (e2e) => {
    it('kiểm tra trường đến khi đóng, lập bảng tiêu chí từ nhóm "cơ quan, đơn vị" của kế hoạch 000, trường tự chấm dẫn kết quả kiểm tra, Hội đồng chấm kín, khóa sổ, công bố, tải bảng điểm', async () => {
      // 0. The council inspects the school: plans the visit, records a finding, the school answers, the office closes it.
      await inspectSchoolViaUi(e2e);

      // 1. The commune office builds the rubric from the plan's group and opens it.
      const admin = await e2e.newPage(desktop);
      await loginViaUi(admin, 'giaphuc.vhxh');
      await admin.getByTestId('menu-scoring').click();
      await admin.waitForURL('**/scoring');
      await admin.getByTestId('new-rubric').click();
      await admin.getByTestId('plan-select').click();
      await openDropdown(admin).locator(`.ant-select-item-option[title="${planTitle}"]`).click();
      await openDropdown(admin).waitFor({ state: 'hidden' });
      await admin.getByTestId('group-select').click();
      await openDropdown(admin)
        .locator('.ant-select-item-option', { hasText: /cơ quan, đơn vị/u })
        .first()
        .click();
      await admin.getByTestId('load-from-plan').click();
      await expect.poll(() => admin.locator('[data-testid^="criterion-"][data-testid$="-max"]').count()).toBeGreaterThan(2);
      expect(await admin.getByTestId('max-total').innerText()).toContain('100');
      const units = admin.getByTestId('rubric-units');
      if (!(await units.innerText()).includes(SCHOOL)) {
        await units.click();
        await admin.keyboard.type('Tiểu học');
        await openDropdown(admin).locator(`.ant-select-item-option[title="${SCHOOL}"]`).click();
        await admin.keyboard.press('Escape');
      }
      await admin.getByTestId('save-rubric').click();
      await admin.waitForURL(/\/scoring\/[0-9a-f-]{36}$/u);
      const rubricUrl = admin.url();
      expect(await admin.locator('main').innerText()).not.toMatch(/judgement|bands|[0-9a-f]{8}-[0-9a-f]{4}-/u);
      await admin.getByTestId('rubric-open').click();
      await confirmOk(admin);
      await expect.poll(() => admin.getByTestId('rubric-status').first().innerText()).toBe('Đang chấm điểm');
      expect(await admin.getByTestId('edit-rubric').count()).toBe(0);

      // 2. The school self-assesses: points, a document and the inspection just closed as evidence, then submits.
      const focal = await e2e.newPage(desktop);
      await loginViaUi(focal, 'giaphuc.truong-th');
      await focal.goto(rubricUrl);
      const assess = focal.locator('[data-testid^="assess-"]');
      await assess.first().waitFor();
      expect(await assess.count()).toBe(1);
      const schoolId = (await assess.first().getAttribute('data-testid'))!.replace('assess-', '');
      expect(await focal.locator('[data-testid^="score-"]').count()).toBe(0);
      await assess.first().click();
      await focal.getByTestId('entry-1').waitFor();
      const entries = await focal.locator('[data-testid^="entry-"]:not([data-testid^="entry-error"])').count();
      for (let i = 1; i <= entries; i++) await focal.getByTestId(`points-${i}`).fill('2');
      await focal.getByTestId('doc-number-1').fill('15/BC-TH');
      await focal.getByTestId('doc-date-1').click();
      await focal.keyboard.type('20/11/2026');
      await focal.keyboard.press('Enter');
      await focal.getByTestId('doc-summary-1').fill('Báo cáo kết quả chuyển đổi số năm 2026');
      await focal.getByTestId('doc-add-1').click();
      await focal.getByTestId('cite-inspection-1').click();
      await openDropdown(focal).locator('.ant-select-item-option', { hasText: SCHOOL_INSPECTION }).first().click();
      const cited = await focal.getByTestId('entry-1').innerText();
      expect(cited).toContain('Văn bản số 15/BC-TH ngày 20/11/2026');
      expect(cited).toContain(SCHOOL_INSPECTION);
      await focal.getByTestId('assessment-submit').click();
      await expect.poll(() => focal.getByTestId('assessment-status').innerText()).toBe('Đã gửi');
      expect(await focal.getByTestId('assessment-save').count()).toBe(0);

      // 3. Two council members score the school alone; the office sees how many, never whose scores, until all have.
      const chair = await e2e.newPage(desktop);
      await loginViaUi(chair, 'giaphuc.chutich');
      await scoreSchool(chair, rubricUrl, schoolId, (_i, max) => max);
      await admin.reload();
      await expect.poll(() => admin.getByTestId(`council-progress-${schoolId}`).innerText()).toBe('1/2');
      expect(await admin.locator('main').innerText()).not.toContain('Nguyễn Chính Thống:');
      const member = await e2e.newPage(desktop);
      await loginViaUi(member, 'giaphuc.hoidong', DEMO_PASSWORD);
      await scoreSchool(member, rubricUrl, schoolId, (_i, max) => Math.max(0, max - 1));

      // 4. The office locks the scores and publishes: the school ranks first; the scoresheet downloads.
      await admin.reload();
      await expect.poll(() => admin.getByTestId(`council-progress-${schoolId}`).innerText()).toBe('2/2');
      expect(await admin.locator('main').innerText()).toContain('Nguyễn Chính Thống:');
      await admin.getByTestId('rubric-close').click();
      await confirmOk(admin);
      await admin.getByTestId('rubric-publish').waitFor();
      await admin.getByTestId('rubric-publish').click();
      await confirmOk(admin);
      await expect.poll(() => admin.getByTestId('rubric-status').first().innerText()).toBe('Đã công bố');
      const ranking = admin.getByTestId('ranking-table');
      await expect.poll(() => ranking.locator('tbody tr.ant-table-row').first().innerText()).toContain(SCHOOL);
      expect(await ranking.locator('tbody tr.ant-table-row').first().innerText()).toMatch(/^1\s/u);
      await e2e.screenshot(admin, 'scoring-ranking-1366');
      const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('download-xlsx').click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/u);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
      expect(String(wb.getWorksheet('Xếp hạng')!.getRow(5).getCell(2).value)).toBe(SCHOOL);
      const evidence: string[] = [];
      wb.getWorksheet('Điểm và minh chứng')!.eachRow((r) => evidence.push(String(r.getCell(7).value ?? '')));
      expect(evidence.join('\n')).toMatch(/Kết quả kiểm tra ngày \d{2}\/\d{2}\/\d{4}: Kiểm tra Bình dân học vụ số tại Trường Tiểu học Gia Phúc/u);
      expect(evidence.join('\n')).toContain('Văn bản số 15/BC-TH');

      // 5. On a phone the school reads its published scoresheet; nothing wider than the screen.
      const phonePage = await e2e.newPage(phone);
      await loginViaUi(phonePage, 'giaphuc.truong-th');
      await phonePage.goto(`${rubricUrl}/results/${schoolId}`);
      await expect.poll(() => phonePage.getByTestId('result-summary').innerText()).toContain('Hạng 1');
      await phonePage.waitForLoadState('networkidle');
      await noHorizontalScroll(phonePage, 'scoresheet at 360 px');
      await phonePage.goto(rubricUrl);
      await phonePage.getByTestId('ranking-table').waitFor();
      await noHorizontalScroll(phonePage, 'ranking at 360 px');
      await e2e.screenshot(phonePage, 'scoring-ranking-360');
    });
  },
  {
    seed: async (app, ids) => {
      // The council's earlier visits (the list the office plans the new one beside).
      const [admin] = await inScope(app.database.db, SYSTEM_SCOPE, (tx) => tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'admin')));
      await seedInspections(app.database.db, { communeId: ids.giaPhuc, adminUserId: admin!.id });
      const login = await app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'giaphuc.vhxh', password: DEMO_PASSWORD } });
      const cookie = login.cookies.find((c) => c.name === 'tds_session')!.value;
      const csrf = (login.json() as { csrfToken: string }).csrfToken;
      const call = (url: string, payload: unknown) =>
        app.app.inject({ method: 'POST', url, cookies: { tds_session: cookie }, headers: { 'x-csrf-token': csrf }, payload: payload as object });
      const parsed = await call(`/api/communes/${ids.giaPhuc}/plans/import`, { text: SEED_000 });
      if (parsed.statusCode !== 200) throw new Error(`import: ${parsed.body}`);
      const created = await call(`/api/communes/${ids.giaPhuc}/plans`, { doc: (parsed.json() as { plan: unknown }).plan, source: 'import' });
      if (created.statusCode !== 201) throw new Error(`plan: ${created.body}`);
      planTitle = (created.json() as { title: string }).title;
    },
  },
);
