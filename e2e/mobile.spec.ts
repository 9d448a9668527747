import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, loginViaUi } from './support/fixture';

const WIDTH = 360;
const phone = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** How far the document is wider than the screen (0 = no horizontal scroll). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describeE2E('điện thoại 360×740', (e2e) => {
  it('đăng nhập, mở menu bằng nút, trang tổ chức không cuộn ngang', async () => {
    const page = await e2e.newPage(phone);
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH + 1);
    await e2e.screenshot(page, 'mobile-login');

    await loginViaUi(page, 'giaphuc.vhxh');
    await page.getByRole('heading', { name: 'Xin chào, Nguyễn Thị Hồng' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH + 1);

    // No side bar on a phone: the menu is behind the toggle.
    expect(await page.getByTestId('menu-org').isVisible()).toBe(false);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-org').waitFor();
    await e2e.screenshot(page, 'mobile-menu');
    await page.getByTestId('menu-org').click();
    await page.waitForURL('**/org');
    await page.getByTestId('menu-org').waitFor({ state: 'hidden' });

    await page.getByTestId('unit-tree').locator('[data-unit-code="THON-01-CNS"]').waitFor();
    await page.getByTestId('unit-table').getByTestId('unit-row-name').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await scrollWidth(page), `horizontal overflow ${await overflow(page)} px`).toBeLessThanOrEqual(WIDTH + 1);
    await e2e.screenshot(page, 'mobile-org');

    // The create form fits the screen too.
    await page.getByTestId('unit-create').click();
    await page.getByRole('dialog', { name: 'Thêm đơn vị' }).waitFor();
    await page.getByTestId('unit-form-code').waitFor();
    // Once the drawer has slid in, it covers the screen exactly.
    await expect.poll(() => page.getByRole('dialog', { name: 'Thêm đơn vị' }).boundingBox()).toMatchObject({ x: 0, width: WIDTH });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH + 1);
    await e2e.screenshot(page, 'mobile-create');
  });
});
