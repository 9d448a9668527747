import { expect } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { addDays, formatDateVi, todayVn } from '@tds/contracts';
import { expectNoSeriousViolations, horizontalOverflow } from './a11y';
import { loginViaUi, type E2E } from './fixture';
import { dialogsSettled, pick } from './antd';

const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, bypassCSP: true };
const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };

async function noHorizontalScroll(page: Page, label: string) {
  const o = await horizontalOverflow(page);
  expect(o.scrollWidth - o.innerWidth, `${label}: ${o.wide.join(', ')}`).toBeLessThanOrEqual(0);
  expect(o.wide, label).toEqual([]);
}

/** The inspection of the school the flow plans, records, has answered and closes. */
export const SCHOOL_INSPECTION = 'Kiểm tra Bình dân học vụ số tại Trường Tiểu học Gia Phúc';

/**
 * The council's visit to the primary school, as its users do it: the commune office plans it, the
 * chairman records a finding with a recommendation, the school answers on a phone, the office closes
 * the recommendation, concludes the visit and closes it; then it cancels the cooperative's planned
 * visit. Needs the demo's inspections seeded.
 */
export async function inspectSchoolViaUi(e2e: E2E): Promise<{ url: string }> {
  const title = SCHOOL_INSPECTION;
  // 1. The commune office plans the visit (its seeded history is on the list).
  const office = await e2e.newPage(desktop);
  await loginViaUi(office, 'giaphuc.vhxh');
  await office.getByTestId('menu-inspections').click();
  await office.waitForURL('**/inspections');
  await expect.poll(() => office.getByTestId('inspection-row').count()).toBeGreaterThanOrEqual(3);
  expect(await office.getByTestId('inspection-table').innerText()).toContain('Đã đóng');
  await noHorizontalScroll(office, 'list at 1366 px');
  await office.getByTestId('inspection-create').click();
  await office.getByTestId('inspection-form-title').fill(title);
  await pick(office, 'inspection-form-units', 'Trường Tiểu học Gia Phúc', 'tieu hoc', 'inspection-form-title');
  await pick(office, 'inspection-form-members', 'Nguyễn Chính Thống', 'thong', 'inspection-form-title');
  await office.getByTestId('inspection-form-checklist').fill('Kết quả hướng dẫn kỹ năng số cho giáo viên\nHồ sơ theo dõi');
  await office.getByTestId('inspection-form-submit').click();
  await office.waitForURL(/\/inspections\/[0-9a-f-]+\/[0-9a-f-]+$/u);
  const url = office.url();
  await expect.poll(() => office.getByTestId('inspection-status').getAttribute('data-status')).toBe('planned');
  expect(await office.locator('body').innerText()).toContain('Hồ sơ theo dõi');
  await e2e.screenshot(office, 'inspection-planned-1366');

  // 2. The chairman, on the visit, records a finding with a recommendation.
  const chair = await e2e.newPage(desktop);
  await loginViaUi(chair, 'giaphuc.chutich');
  await chair.goto(url);
  await chair.getByTestId('finding-create').click();
  await chair.getByTestId('finding-form-text').fill('Nhà trường chưa lập sổ theo dõi số giáo viên hoàn thành học phần kỹ năng số.');
  await chair.getByTestId('finding-evidence-number').fill('12/KH-THGP');
  await chair.getByTestId('finding-rec-add').click();
  await chair.getByTestId('finding-rec-text-0').fill('Lập sổ theo dõi và báo cáo Văn phòng xã.');
  const due = formatDateVi(addDays(todayVn(), 20));
  await chair.getByTestId('finding-rec-due-0').click();
  await chair.keyboard.type(due);
  await chair.keyboard.press('Enter');
  await chair.getByTestId('finding-form-submit').click();
  await chair.getByTestId('finding').first().waitFor();
  await expect.poll(() => chair.getByTestId('inspection-status').getAttribute('data-status')).toBe('in_progress');
  expect(await chair.getByTestId('finding').innerText()).toContain(`Hạn ${due}`);
  expect(await chair.getByTestId('finding').innerText()).toContain('12/KH-THGP');

  // 3. The school answers on a phone.
  const school = await e2e.newPage(phone);
  await loginViaUi(school, 'giaphuc.truong-th');
  await school.goto(url);
  await school.getByTestId('rec-answer-open').click();
  await school.getByTestId('answer-text').fill('Nhà trường đã lập sổ theo dõi từ tháng này.');
  await school.getByTestId('answer-submit').click();
  await expect.poll(() => school.getByTestId('rec-status').getAttribute('data-status')).toBe('answered');
  expect(await school.getByTestId('rec-answer').innerText()).toContain('đã lập sổ theo dõi');
  expect(await school.getByTestId('rec-answer-open').count()).toBe(0);
  await school.waitForLoadState('networkidle');
  await noHorizontalScroll(school, 'inspection at 360 px');
  await e2e.screenshot(school, 'inspection-answered-360');
  await expectNoSeriousViolations(school, 'inspection at 360 px');

  // 4. The office closes the recommendation, concludes the visit and closes it.
  await office.reload();
  await office.getByTestId('rec-close').click();
  await office.locator('.ant-popconfirm .ant-btn-primary').waitFor();
  await dialogsSettled(office);
  await office.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect.poll(() => office.getByTestId('rec-status').getAttribute('data-status')).toBe('closed');
  await office.getByTestId('inspection-conclude').click();
  await office.getByTestId('conclude-text').fill('Nhà trường thực hiện tốt; đã khắc phục kiến nghị.');
  await pick(office, 'conclude-rating', 'Tốt', 'tot', 'conclude-text');
  await office.getByTestId('conclude-submit').click();
  await expect.poll(() => office.getByTestId('inspection-status').getAttribute('data-status')).toBe('concluded');
  await office.getByTestId('inspection-close').click();
  await office.locator('.ant-popconfirm .ant-btn-primary').waitFor();
  await dialogsSettled(office);
  await office.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect.poll(() => office.getByTestId('inspection-status').getAttribute('data-status')).toBe('closed');
  expect(await office.getByTestId('inspection-conclusion').innerText()).toContain('thực hiện tốt');
  expect(await office.locator('body').innerText()).not.toMatch(/in_progress|answered|[0-9a-f]{8}-[0-9a-f]{4}-/u);
  await noHorizontalScroll(office, 'inspection at 1366 px');
  await e2e.screenshot(office, 'inspection-closed-1366');

  // 5. The cooperative's planned visit will not take place: the office cancels it, saying why.
  await office.goto(`${e2e.baseUrl}/inspections`);
  await office.getByTestId('inspection-row-link').filter({ hasText: 'tại Hợp tác xã Nông nghiệp Gia Phúc' }).first().click();
  await office.getByTestId('inspection-cancel').click();
  await office.getByTestId('cancel-reason').fill('Hợp tác xã đang thu hoạch vụ mùa; chuyển sang đợt kiểm tra quý sau.');
  await office.getByTestId('cancel-submit').click();
  await expect.poll(() => office.getByTestId('inspection-status').getAttribute('data-status')).toBe('cancelled');
  expect(await office.getByTestId('inspection-cancel-reason').innerText()).toContain('thu hoạch vụ mùa');
  expect(await office.getByTestId('inspection-cancel').count()).toBe(0);
  expect(await office.getByTestId('inspection-edit').count()).toBe(0);
  return { url };
}
