import { expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import type { PublicModelList } from '@tds/contracts';
import { seedInitiatives } from '@tds/api/src/demo/seed-initiatives';
import { appUser } from '@tds/api/src/modules/users/users.table';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { horizontalOverflow } from './support/a11y';
import { describeE2E, loginViaUi } from './support/fixture';
import { pick } from './support/antd';

const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, bypassCSP: true };
const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };

/** Type a date (dd/MM/yyyy) into an antd DatePicker. */
async function typeDate(page: Page, testId: string, date: string) {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first();
  await input.click();
  await input.fill(date);
  await page.keyboard.press('Enter');
}

async function noHorizontalScroll(page: Page, label: string) {
  const o = await horizontalOverflow(page);
  expect(o.scrollWidth - o.innerWidth, `${label}: ${o.wide.join(', ')}`).toBeLessThanOrEqual(0);
  expect(o.wide, label).toEqual([]);
}

/** Elements of the open drawer (a person's or a unit's page, outside <main>) wider than the screen. */
const wideInDrawer = (page: Page) =>
  page.getByTestId('initiatives-card').evaluate((card) => {
    const w = window.innerWidth;
    const drawer = card.closest('[role="dialog"]') ?? card;
    return [drawer, ...drawer.querySelectorAll('*')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.right > w + 1 || r.left < -1);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${typeof el.className === 'string' ? el.className.split(' ')[0] : ''}`);
  });

/** A person's page: the people list searched by name, the person opened. */
async function openPerson(page: Page, baseUrl: string, typed: string, name: string) {
  await page.goto(`${baseUrl}/people`);
  await page.getByTestId('person-search').fill(typed);
  const link = page.getByTestId('person-table').getByText(name, { exact: true });
  await expect.poll(() => link.count()).toBe(1);
  await link.click();
}

/** A unit's page: the unit list searched by name, the unit opened. */
async function openUnit(page: Page, baseUrl: string, typed: string, name: string) {
  await page.goto(`${baseUrl}/org`);
  await page.getByTestId('unit-search').fill(typed);
  const link = page
    .getByTestId('unit-table')
    .getByTestId('unit-row-name')
    .filter({ hasText: new RegExp(`^${name}$`, 'u') });
  await expect.poll(() => link.count()).toBe(1);
  await link.click();
}

describeE2E(
  'Sáng kiến và điển hình tiên tiến: đăng ký, công nhận, tìm không dấu; ghi nhận và công bố mô hình',
  (e2e) => {
    const title = 'Phần mềm nhắc lịch tiêm chủng qua Zalo cho phụ huynh';

    it('cán bộ xã đăng ký sáng kiến hai tác giả, ghi nhận quyết định công nhận, tìm lại không dấu', async () => {
      const page = await e2e.newPage(desktop);
      await loginViaUi(page, 'giaphuc.vhxh');
      await page.getByTestId('menu-initiatives').click();
      await page.waitForURL('**/initiatives');
      await page.getByTestId('initiative-create').click();
      await page.getByTestId('initiative-form-title').fill(title);
      await pick(page, 'initiative-form-unit', 'Trường Tiểu học Gia Phúc', 'Tiểu học', 'initiative-form-title');
      await pick(page, 'initiative-form-authors', 'Hoàng Thị Yến', 'Hoang Thi Yen', 'initiative-form-title');
      await pick(page, 'initiative-form-authors', 'Đặng Thị Ngọc Ánh', 'Ngoc Anh', 'initiative-form-title');
      await pick(page, 'initiative-form-domain', 'Y tế', 'Y tế', 'initiative-form-title');
      await typeDate(page, 'initiative-form-firstApplied', '15/09/2025');
      await page.getByTestId('initiative-form-submit').click();

      // Saved: its page opens, with both authors and their units.
      const detail = page.getByTestId('initiative-detail');
      await detail.waitFor();
      const authors = await detail.getByTestId('initiative-authors').innerText();
      expect(authors).toContain('Hoàng Thị Yến (Trường Tiểu học Gia Phúc)');
      expect(authors).toContain('Đặng Thị Ngọc Ánh (Trường THCS Gia Phúc)');

      // The recognition: a decision of the commune.
      await detail.getByTestId('initiative-recognize-open').click();
      await page.getByTestId('recognition-number').fill('27/QĐ-UBND');
      await typeDate(page, 'recognition-date', '20/12/2025');
      await page.getByTestId('recognition-body').fill('Ủy ban nhân dân xã Gia Phúc');
      await page.getByTestId('recognition-submit').click();
      await expect.poll(() => detail.getByTestId('initiative-recognitions').innerText()).toContain('27/QĐ-UBND ngày 20/12/2025');
      expect(await detail.getByTestId('initiative-recognitions').innerText()).toContain('Cấp xã/phường');
      await page.keyboard.press('Escape');

      // Found again by words typed without diacritics (title, then an author).
      const table = page.getByTestId('initiative-table');
      await page.getByTestId('initiative-search').fill('nhac lich tiem chung');
      await expect.poll(() => table.getByTestId('initiative-row').count()).toBe(1);
      expect(await table.innerText()).toContain(title);
      expect(await table.innerText()).toContain('Cấp xã/phường');
      await page.getByTestId('initiative-search').fill('');
      await page.getByTestId('initiative-search').fill('dang thi ngoc anh');
      await expect.poll(() => table.innerText()).toContain(title);

      // On the page of an author from another unit (THCS) it is listed, and opens the initiative.
      await openPerson(page, e2e.baseUrl, 'ngoc anh', 'Đặng Thị Ngọc Ánh');
      const personCard = page.getByTestId('initiatives-card');
      await expect.poll(() => personCard.innerText().catch(() => '')).toContain(title);
      expect(await personCard.innerText()).toContain('Y tế · áp dụng từ 15/09/2025');
      expect(await personCard.innerText()).toContain('Cấp xã/phường');
      await personCard.getByTestId('initiatives-card-link').filter({ hasText: title }).click();
      await page.waitForURL('**/initiatives?open=*');
      await expect
        .poll(() =>
          page
            .getByTestId('initiative-authors')
            .innerText()
            .catch(() => ''),
        )
        .toContain('Đặng Thị Ngọc Ánh');

      // On the page of its unit (the primary school): listed, with the unit's exemplary models.
      await openUnit(page, e2e.baseUrl, 'tieu hoc gia phuc', 'Trường Tiểu học Gia Phúc');
      const unitCard = page.getByTestId('initiatives-card');
      await expect.poll(() => unitCard.innerText().catch(() => '')).toContain(title);
      expect(await unitCard.innerText()).toContain('Sổ tay điện tử "Mỗi phụ huynh một tài khoản VNeID"');
      expect(await unitCard.innerText()).not.toContain('Ứng dụng mã QR tra cứu tiến độ hồ sơ');
      const modelsCard = page.getByTestId('models-card');
      await expect.poll(() => modelsCard.innerText().catch(() => '')).toContain('Cô hiệu trưởng "một chạm" đưa phụ huynh lên môi trường số');
      expect(await modelsCard.innerText()).toMatch(/Chưa công bố|Đã công bố/u);
      // "Xem tất cả": the register filtered to the unit.
      await unitCard.getByTestId('initiatives-card-all').click();
      await page.waitForURL('**/initiatives?unitId=*');
      await expect.poll(() => page.getByTestId('initiative-table').innerText()).toContain(title);
      expect(await page.getByTestId('initiative-table').innerText()).not.toContain('Ứng dụng mã QR tra cứu tiến độ hồ sơ');

      // A unit with nothing registered says so.
      await openUnit(page, e2e.baseUrl, 'thon doai', 'Thôn Đoài');
      await expect
        .poll(() =>
          page
            .getByTestId('initiatives-card')
            .innerText()
            .catch(() => ''),
        )
        .toContain('Chưa có sáng kiến nào.');
      expect(e2e.pageErrors).toEqual([]);
    });

    it('ghi nhận một mô hình điển hình và công bố; cổng công khai thấy mô hình đã công bố', async () => {
      const page = await e2e.newPage(desktop);
      await loginViaUi(page, 'giaphuc.vhxh');
      await page.getByTestId('menu-models').click();
      await page.waitForURL('**/models');
      await page.getByTestId('model-create').click();
      const name = 'Tổ công nghệ số thôn Đoài: "Cà phê số" sáng chủ nhật';
      await page.getByTestId('model-form-title').fill(name);
      await pick(page, 'model-form-unit', 'Tổ công nghệ số cộng đồng thôn Đoài', 'thôn Đoài', 'model-form-title');
      await page.getByTestId('model-form-content').fill('Phổ cập kỹ năng số cho người dân');
      await page
        .getByTestId('model-form-story')
        .fill('Mỗi sáng chủ nhật, tổ mở "cà phê số" ở nhà văn hóa thôn: người dân mang điện thoại đến, được cài VNeID và hướng dẫn dịch vụ công.');
      await page.getByTestId('model-form-submit').click();
      const detail = page.getByTestId('model-detail');
      await detail.waitFor();
      expect(await detail.getByTestId('model-status').innerText()).toBe('Chưa công bố');
      await detail.getByTestId('model-publish').click();
      await expect.poll(() => detail.getByTestId('model-status').innerText()).toBe('Đã công bố');
      expect(await detail.getByTestId('model-unpublish').isVisible()).toBe(true);

      const pub = await e2e.app.app.inject({ method: 'GET', url: `/api/public/communes/${e2e.ids.giaPhuc}/models` });
      expect(pub.statusCode).toBe(200);
      expect((pub.json() as PublicModelList).items.map((m) => m.title)).toContain(name);
      expect(e2e.pageErrors).toEqual([]);
    });

    it('ở 360 px danh sách sáng kiến và mô hình đọc được, không cuộn ngang', async () => {
      const page = await e2e.newPage(phone);
      await loginViaUi(page, 'giaphuc.vhxh');
      await page.goto(`${e2e.baseUrl}/initiatives`);
      const table = page.getByTestId('initiative-table');
      await expect.poll(() => table.getByTestId('initiative-row').count()).toBeGreaterThan(0);
      await page.getByTestId('initiative-search').fill('tiem chung');
      await expect.poll(() => table.innerText()).toContain(title);
      await page.waitForLoadState('networkidle');
      await noHorizontalScroll(page, 'initiatives at 360 px');
      await table.getByTestId('initiative-row-link').first().click();
      await page.getByTestId('initiative-detail').waitFor();
      await noHorizontalScroll(page, 'initiative at 360 px');
      await e2e.screenshot(page, 'initiatives-360');
      await page.goto(`${e2e.baseUrl}/models`);
      await expect.poll(() => page.getByTestId('model-row').count()).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await noHorizontalScroll(page, 'models at 360 px');

      // A person's and a unit's pages with their initiatives (and models): nothing wider than the screen.
      await openPerson(page, e2e.baseUrl, 'ngoc anh', 'Đặng Thị Ngọc Ánh');
      await expect
        .poll(() =>
          page
            .getByTestId('initiatives-card')
            .innerText()
            .catch(() => ''),
        )
        .toContain(title);
      await page.waitForLoadState('networkidle');
      // The page scrolls not sideways, and the person's page (a drawer over the list) fits the screen.
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth), 'person at 360 px').toBeLessThanOrEqual(0);
      expect(await wideInDrawer(page), 'person at 360 px').toEqual([]);
      await openUnit(page, e2e.baseUrl, 'tieu hoc gia phuc', 'Trường Tiểu học Gia Phúc');
      await expect
        .poll(() =>
          page
            .getByTestId('initiatives-card')
            .innerText()
            .catch(() => ''),
        )
        .toContain(title);
      await expect.poll(() => page.getByTestId('models-card-item').count()).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await noHorizontalScroll(page, 'unit list at 360 px');
      expect(await wideInDrawer(page), 'unit at 360 px').toEqual([]);
      await page.getByTestId('initiatives-card').scrollIntoViewIfNeeded();
      await e2e.screenshot(page, 'unit-initiatives-360');
      expect(e2e.pageErrors).toEqual([]);
    });
  },
  {
    // The demo register (once: the demo seed may already hold it).
    seed: async (app, ids) => {
      const [admin] = await inScope(app.database.db, SYSTEM_SCOPE, (tx) => tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, 'admin')));
      await seedInitiatives(app.database.db, { communeId: ids.giaPhuc, adminUserId: admin!.id });
    },
  },
);
