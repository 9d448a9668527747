import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, loginViaUi } from './support/fixture';
import { dialogsSettled } from './support/antd';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Seed plan 004: no participant section at all; its yearly report is due from "tất cả các cơ quan, đơn vị và doanh nghiệp". */
const SEED_004 = path.join(root, 'apps/api/src/modules/plans/fixtures/004_10df63f3de600047.txt');

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Answer each question of the publish dialog with its first option. */
async function answerQuestions(page: Page) {
  const conflicts = page.getByTestId('publish-conflicts');
  if ((await conflicts.count()) === 0) return;
  for (const group of await conflicts.locator('.ant-radio-group').all()) await group.getByTestId('publish-option').first().click();
}

/** Seed 004's "Năm 2025: ... ban hành Kế hoạch" names no day: the officer dates it 30/9 in the review form. */
async function dateTheYearOnlyDeadline(page: Page) {
  const card = page.locator('#plan-section-timeline');
  expect(await card.getByTestId('deadline-undated').count()).toBe(1);
  await page.locator('#plan_deadlines_0_day').fill('30');
  await page.locator('#plan_deadlines_0_month').fill('9');
  await expect.poll(() => card.getByTestId('deadline-undated').count()).toBe(0);
}

describeE2E('kế hoạch: đối tượng tham gia và đơn vị phải thực hiện', (e2e) => {
  it('nhập mẫu 004 (không có phần đối tượng), chọn đơn vị trong cây, xác nhận ngày sơ kết, tổng kết, ban hành, thấy tên đơn vị trong bản xem trước và trên lịch', async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await loginViaUi(page, 'giaphuc.vhxh');
    await page.goto(`${e2e.baseUrl}/plans/import`);
    await page.getByTestId('import-text').fill(readFileSync(SEED_004, 'utf8'));
    await page.getByTestId('import-parse').click();
    await page.getByTestId('plan-form').waitFor();

    // The plan names no participants: add a group, take the enterprises by kind and one school by name.
    await page.getByTestId('plan-add-group').click();
    await page.locator('#plan_participantGroups_0_name').fill('Các cơ quan, đơn vị và doanh nghiệp');
    // The proposal from the name, with its reason.
    await expect.poll(() => page.getByTestId('group-units').innerText()).toContain('Đề xuất từ tên nhóm');
    await page.locator('#plan_participantGroups_0_kinds').click();
    await page.locator('#plan_participantGroups_0_kinds').fill('Doanh nghiệp');
    await openDropdown(page).getByText('Doanh nghiệp, hợp tác xã').click();
    await page.keyboard.press('Escape');
    await page.locator('#plan_participantGroups_0_unitIds').click();
    await page.locator('#plan_participantGroups_0_unitIds').fill('Tiểu học');
    await openDropdown(page).getByText('Trường Tiểu học Gia Phúc').click();
    await page.keyboard.press('Escape');

    // When: the reviews (2027, 2030) come with a default day, marked so until confirmed; the year-only deadline needs a day.
    const reviews = page.getByTestId('milestone-row');
    expect(await reviews.count()).toBe(2);
    expect(await page.getByTestId('milestone-default').count()).toBe(2);
    expect(await page.locator('#plan_milestones_0_dueDate').inputValue()).toBe('14/12/2027');
    // The officer confirms the mid-term day as offered, and picks another day for the final review: picking it confirms it.
    await page.getByTestId('milestone-confirm').first().click();
    await expect.poll(() => page.getByTestId('milestone-default').count()).toBe(1);
    const finalDate = page.locator('#plan_milestones_1_dueDate');
    await finalDate.click();
    await finalDate.fill('20/11/2030');
    await finalDate.press('Enter');
    await expect.poll(() => page.getByTestId('milestone-default').count()).toBe(0);
    expect(await page.getByTestId('milestone-confirm').nth(1).isChecked()).toBe(true);
    await dateTheYearOnlyDeadline(page);
    await page.getByTestId('import-save').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/u);
    await page.getByText('Đã lưu dự thảo kế hoạch.').waitFor();

    // Publish: the preview names the units that owe the yearly report.
    await page.getByTestId('plan-publish').click();
    const modal = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await modal.waitFor();
    await answerQuestions(page);
    const owners = modal.getByTestId('publish-owners');
    await owners.waitFor();
    const text = await owners.innerText();
    expect(text).toContain('Trường Tiểu học Gia Phúc');
    expect(text).toContain('Công ty TNHH May mặc Gia Phúc');
    expect(text).toContain('Hợp tác xã Nông nghiệp Gia Phúc');
    expect(text).not.toContain('Thôn Đông');
    expect(text).not.toContain('Trường Mầm non Gia Phúc');
    expect(await modal.getByTestId('publish-accept-unreached').count()).toBe(0);
    // The reviews are confirmed: their reports are due from the same units on those days.
    const reviewText = await modal.getByTestId('publish-reviews').innerText();
    expect(reviewText).toContain('Sơ kết giữa kỳ năm 2027: các đơn vị nộp báo cáo đến hết ngày 14/12/2027');
    expect(reviewText).toContain('20/11/2030');
    expect(reviewText).not.toContain('Ngày mặc định');
    await page.getByTestId('publish-confirm').waitFor();
    await dialogsSettled(page);
    await page.getByTestId('publish-confirm').click();
    await page.getByText('Đã ban hành kế hoạch.').waitFor();

    // The calendar names the units that owe the 2026 report (due by the end of 14/12/2026).
    const planId = /\/plans\/([0-9a-f-]{36})$/u.exec(page.url())![1]!;
    await page.goto(`${e2e.baseUrl}/calendar?planId=${planId}`);
    const entry = page.getByTestId('calendar-entry').filter({ hasText: 'năm 2026' }).first();
    await entry.click();
    const units = page.getByTestId('calendar-day-units').first();
    await units.waitFor();
    expect(await units.innerText()).toContain('Trường Tiểu học Gia Phúc');
  });

  it('mẫu 004 không chọn đơn vị: bản xem trước báo chưa giao cho đơn vị nào và ngày sơ kết, tổng kết còn là mặc định; chỉ ban hành được khi xác nhận cả hai', async () => {
    const page = await e2e.newPage({ viewport: { width: 360, height: 780 } });
    await loginViaUi(page, 'giaphuc.vhxh');
    await page.goto(`${e2e.baseUrl}/plans/import`);
    await page.getByTestId('import-text').fill(readFileSync(SEED_004, 'utf8'));
    await page.getByTestId('import-parse').click();
    await page.getByTestId('plan-form').waitFor();
    await dateTheYearOnlyDeadline(page);
    await page.getByTestId('import-save').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/u);
    await page.getByTestId('plan-title').waitFor();
    // The plan's page is no wider than the phone.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.scrollWidth > window.innerWidth + 1 && !el.closest('.ant-tabs-nav'))
        .map((el) => `${el.tagName}.${String(el.className).slice(0, 40)} ${el.scrollWidth} ${(el.textContent ?? '').slice(0, 60)}`)
        .slice(-6),
    );
    expect(wide).toEqual([]);
    await page.getByTestId('plan-publish').click();
    const modal = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await modal.waitFor();
    await answerQuestions(page);
    await modal.getByTestId('publish-owners').waitFor();
    expect(await modal.getByTestId('publish-owners').innerText()).toContain('Chưa giao cho đơn vị nào');
    const confirm = page.getByTestId('publish-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    // The review days are defaults: one click confirms them (a new version of the plan), the preview follows.
    expect(await modal.getByTestId('publish-reviews').innerText()).toContain('Ngày mặc định');
    await modal.getByTestId('publish-confirm-dates').click();
    await expect.poll(() => modal.getByTestId('publish-reviews').innerText()).not.toContain('Ngày mặc định');
    expect(await confirm.isDisabled()).toBe(true);
    await modal.getByTestId('publish-accept-unreached').click();
    await expect.poll(() => confirm.isDisabled()).toBe(false);
    // Nothing in the dialog is wider than the phone.
    const wideInModal = await page.evaluate(() =>
      [...document.querySelectorAll('.ant-modal-wrap *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(wideInModal).toEqual([]);
    await confirm.click();
    await page.getByText('Đã ban hành kế hoạch.').waitFor();
  });
});
