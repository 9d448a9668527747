import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { textOf, unzipEntry } from '@tds/api/src/modules/documents/docx-xml';
import { describeE2E, loginViaUi, shotsDir } from './support/fixture';
import { dialogsSettled } from './support/antd';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Seed plan 002: Phường Hưng Đạo's plan, no number, signed by Phạm Văn Minh, reports due "trước ngày 05/12" every year. */
const SEED_002 = path.join(root, 'apps/api/src/modules/plans/fixtures/002_11f87cc7687ac78a.txt');

/** The open antd dropdown (Select); antd keeps closed ones in the DOM, hidden. */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Rows of the publish preview's tables (added, removed; a first publish only adds). */
const previewRows = (page: Page) => page.getByTestId('publish-preview').locator('.ant-table-tbody tr.ant-table-row');

describeE2E('kế hoạch: nhập văn bản, sửa, ban hành, lịch, tải .docx', (e2e) => {
  it('nhập mẫu 002 qua trình hướng dẫn, sửa số hiệu, ban hành, thấy hạn 04/12 trên lịch, tải .docx', async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    // The page's clock in March 2025, so the calendar opens far from December 2026 whatever the
    // machine's date, and the test walks there with the year/month controls.
    await page.clock.setSystemTime(new Date('2025-03-10T09:00:00+07:00'));
    await loginViaUi(page, 'giaphuc.vhxh');

    // Kế hoạch -> Nhập từ văn bản.
    await page.getByTestId('menu-plans').click();
    await page.waitForURL('**/plans');
    await page.getByTestId('plan-import').click();
    await page.waitForURL('**/plans/import');

    // Step 1: the seed file through the (hidden) file input, then parse.
    await page.getByTestId('import-file-input').setInputFiles(SEED_002);
    await expect.poll(() => page.getByTestId('import-file-name').innerText()).toBe('002_11f87cc7687ac78a.txt');
    expect(await page.getByTestId('import-text').isDisabled()).toBe(true);
    await page.getByTestId('import-parse').click();

    // Step 2: the source text beside the extracted fields.
    const source = page.getByTestId('import-source');
    await source.waitFor();
    expect(await source.innerText()).toContain('Triển khai Phong trào thi đua');
    expect(await page.getByText('Tệp: 002_11f87cc7687ac78a.txt').count()).toBe(1);
    await page.getByTestId('plan-form').waitFor();
    expect(await page.getByTestId('plan-field-title').inputValue()).toContain('Bình dân học vụ số');
    expect(await page.getByTestId('plan-field-signer').inputValue()).toBe('Phạm Văn Minh');
    // No number in the text: the importer says so.
    expect(await page.getByTestId('plan-field-number').inputValue()).toBe('');
    const warnings = await page.getByTestId('import-warnings').innerText();
    expect(warnings).toMatch(/Không tìm thấy số, ký hiệu văn bản|Số văn bản để trống/u);
    // Codes stay out of sight: the warning is shown by its Vietnamese message and kind.
    expect(warnings).not.toContain('NUMBER_MISSING');

    // Clicking a field highlights where it came from in the source.
    expect(await page.getByTestId('import-source-mark').count()).toBe(0);
    await page.getByTestId('plan-field-signer').click();
    const mark = page.getByTestId('import-source-mark');
    await mark.waitFor();
    expect(await mark.innerText()).toContain('Phạm Văn Minh');
    expect(await mark.evaluate((el) => el.classList.contains('plan-source-mark'))).toBe(true);
    // ... and scrolled into the view of the source box.
    await expect
      .poll(() =>
        mark.evaluate((el) => {
          const box = el.closest('[data-testid="import-source"]')!.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          return r.top >= box.top && r.bottom <= box.bottom;
        }),
      )
      .toBe(true);
    // The viewport, not the full page: the source column is sticky beside the long form.
    await page.screenshot({ path: path.join(shotsDir, 'plans-import-review.png'), animations: 'disabled' });

    // Correct one field: the number the text lacks.
    await page.getByTestId('plan-field-number').fill('125/KH-UBND');
    await page.getByTestId('import-save').click();

    // The plan's page: a draft with the corrected number.
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/u);
    const planUrl = new URL(page.url()).pathname;
    await page.getByText('Đã lưu dự thảo kế hoạch.').waitFor();
    await page.getByTestId('plan-title').waitFor();
    expect(await page.getByTestId('plan-title').innerText()).toContain('Bình dân học vụ số');
    const header = page
      .locator('.ant-space')
      .filter({ has: page.getByTestId('plan-status') })
      .first();
    await expect.poll(() => header.innerText()).toContain('125/KH-UBND');
    expect(await page.getByTestId('plan-status').first().innerText()).toBe('Dự thảo');
    const overview = page.locator('.ant-descriptions');
    expect(await overview.innerText()).toContain('125/KH-UBND');
    expect(await overview.innerText()).toContain('Phạm Văn Minh');

    // Publish: the preview lists the yearly report due by the end of 04/12 (trước ngày 05/12), 2025-2030.
    await page.getByTestId('plan-publish').click();
    const modal = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await modal.waitFor();
    await page.getByTestId('publish-preview').waitFor();
    expect(await modal.getByTestId('publish-conflicts').count()).toBe(0);
    // The plan gives the reviews no day: they take the yearly report's, as defaults the officer confirms here.
    expect(await page.getByTestId('publish-confirm').isDisabled()).toBe(true);
    await modal.getByTestId('publish-confirm-dates').click();
    await expect.poll(() => modal.getByTestId('publish-reviews').innerText()).not.toContain('Ngày mặc định');
    await page.getByTestId('publish-preview').waitFor();
    const rows = await previewRows(page).allInnerTexts();
    const reviews = rows.filter((r) => /sơ kết|tổng kết/iu.test(r));
    expect(reviews.map((r) => /\b04\/12\/(20\d\d)\b/u.exec(r)?.[1])).toEqual(['2027', '2030']);
    const yearly = rows.filter((r) => /\b04\/12\/20\d\d\b/u.test(r) && !reviews.includes(r));
    expect(yearly.map((r) => /\b04\/12\/(20\d\d)\b/u.exec(r)![1])).toEqual(['2025', '2026', '2027', '2028', '2029', '2030']);
    expect(rows.every((r) => r.includes('04/12/'))).toBe(true); // 002 has one deadline (and its reviews): nothing else is due
    const row2026 = yearly.find((r) => r.includes('04/12/2026'))!;
    expect(row2026).toMatch(/báo cáo/iu);
    expect(row2026).toContain('năm 2026');
    const cells = row2026.split('\t').map((c) => c.trim());
    const title2026 = cells[0]!;
    const units = Number(cells[cells.length - 1]);
    expect(units).toBeGreaterThan(0);
    expect(await modal.getByText(`Sẽ thêm vào lịch (${rows.length})`).count()).toBe(1);
    await e2e.screenshot(page, 'plans-publish-preview');
    await page.getByTestId('publish-confirm').waitFor();
    await dialogsSettled(page);
    await page.getByTestId('publish-confirm').click();
    await page.getByText('Đã ban hành kế hoạch.').waitFor();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('plan-status').first().innerText()).toBe('Đã ban hành');
    expect(await page.getByTestId('plan-publish').count()).toBe(0);

    // The calendar: December 2026 through the year/month controls.
    await page.getByTestId('menu-calendar').click();
    await page.waitForURL('**/calendar');
    const calendar = page.getByTestId('calendar');
    await calendar.waitFor();
    const yearSelect = calendar.locator('.ant-picker-calendar-year-select');
    expect(await yearSelect.innerText()).toContain('2025');
    await yearSelect.click();
    await openDropdown(page).locator('.ant-select-item-option').filter({ hasText: /^2026/u }).click();
    await expect.poll(() => yearSelect.innerText()).toContain('2026');
    // Year view: each month lists its dated entries; December has the report, dated 04/12.
    await calendar.locator('.ant-picker-calendar-mode-switch').getByText('Năm', { exact: true }).click();
    const december = calendar.locator('td.ant-picker-cell[title="2026-12"]');
    await december.getByTestId('calendar-entry').first().waitFor();
    const decEntry = december.getByTestId('calendar-entry').filter({ hasText: title2026 });
    await decEntry.waitFor();
    expect(await decEntry.innerText()).toContain('04/12');
    expect(await decEntry.innerText()).toContain(`(${units} đơn vị)`);
    // Month view of December 2026: the entry on the 4th.
    await december.click();
    await expect.poll(() => calendar.locator('.ant-picker-calendar-month-select').innerText()).toMatch(/12/u);
    const day = calendar.locator('td.ant-picker-cell[title="2026-12-04"]');
    const entry = day.getByTestId('calendar-entry').filter({ hasText: title2026 });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(`(${units} đơn vị)`);
    expect(await entry.getAttribute('title')).toContain(`${title2026} (${units} đơn vị) — `);
    // Nothing of this plan falls on the neighbouring days.
    expect(await calendar.locator('td.ant-picker-cell[title="2026-12-05"]').getByTestId('calendar-entry').count()).toBe(0);
    await e2e.screenshot(page, 'plans-calendar');

    // The day's drawer lists it and links to the plan.
    await day.click();
    const drawer = page.getByTestId('calendar-day');
    await drawer.getByText('Ngày 04/12/2026').waitFor();
    expect(await drawer.getByTestId('calendar-day-entry').allInnerTexts()).toContain(`${title2026} (${units} đơn vị)`);
    await drawer.getByRole('link').first().click();
    await page.waitForURL((u) => u.pathname === planUrl);

    // Documents: the plan as Word.
    await page.getByTestId('plan-tab-documents').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-download-docx').click()]);
    // A Vietnamese file name.
    expect(download.suggestedFilename()).toMatch(/^Kế hoạch .+\.docx$/u);
    const dir = mkdtempSync(path.join(tmpdir(), 'tds-e2e-docx-'));
    try {
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const zip = readFileSync(file);
      expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
      const xml = unzipEntry(zip, 'word/document.xml');
      expect(xml).not.toBeNull();
      const text = textOf(xml!);
      expect(text).toContain('125/KH-UBND');
      expect(text).toContain('KẾ HOẠCH');
      expect(text).toContain('Phạm Văn Minh');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('văn bản không phải kế hoạch: báo lỗi bằng tiếng Việt, ở lại bước chọn văn bản', async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await loginViaUi(page, 'giaphuc.vhxh');
    await page.goto('/plans/import');
    await page.getByTestId('import-text').fill('Sáng nay, trời mưa to ở Hà Nội. Giá vàng tăng nhẹ.\nĐội tuyển thắng 2-0.');
    await page.getByTestId('import-parse').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Không tìm thấy nội dung kế hoạch trong văn bản' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('KẾ HOẠCH');
    // Still on the first step, the text kept for correction; no review, nothing to save.
    expect(await page.getByTestId('import-text').inputValue()).toContain('Giá vàng tăng nhẹ');
    expect(await page.getByTestId('import-source').count()).toBe(0);
    expect(await page.getByTestId('import-save').count()).toBe(0);
  });
});
