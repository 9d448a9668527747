import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, fetchInPage, loginViaUi } from './support/fixture';

/** Visible texts of the unit tree's nodes. */
const treeNodes = (page: Page) => page.getByTestId('unit-tree').getByTestId('unit-tree-node');

/** The open antd dropdown (Select, TreeSelect); antd keeps closed ones in the DOM, hidden. */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Choose an option of an antd Select: retry the click until the field shows it, then make sure the list is closed. */
async function pick(page: Page, testId: string, title: string, typed?: string) {
  const field = page.getByTestId(testId);
  await expect
    .poll(async () => {
      if ((await field.innerText()).includes(title)) return true;
      if ((await openDropdown(page).count()) === 0) {
        await field.click();
        if (typed) await page.keyboard.type(typed);
      }
      await openDropdown(page)
        .getByTitle(title, { exact: true })
        .click({ timeout: 5000 })
        .catch(() => undefined);
      return (await field.innerText()).includes(title);
    })
    .toBe(true);
  // Focus another field to close a list left open (Escape could close the drawer itself).
  await expect
    .poll(async () => {
      if ((await openDropdown(page).count()) > 0) await page.getByTestId('unit-form-code').click();
      return openDropdown(page).count();
    })
    .toBe(0);
}

describeE2E('tổ chức: cây đơn vị, thêm đơn vị, nhật ký, cách ly xã/phường', (e2e) => {
  it('đăng nhập, xem cây, tìm không dấu, thêm đơn vị, thấy trong nhật ký, bị từ chối đơn vị của phường khác', async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });

    // Log in as the commune admin of xã Gia Phúc; the UI is in Vietnamese.
    await loginViaUi(page, 'giaphuc.vhxh');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expect.poll(() => page.getByRole('heading', { name: 'Xin chào, Nguyễn Thị Hồng' }).isVisible()).toBe(true);

    // The organisation page: Xã Gia Phúc's tree with a village and its community digital team.
    await page.getByTestId('menu-org').click();
    await page.waitForURL('**/org');
    await expect.poll(() => page.getByRole('heading', { name: 'Tổ chức, đơn vị' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Xã Gia Phúc').first().isVisible()).toBe(true);
    await treeNodes(page).filter({ hasText: 'Thôn Đông' }).first().waitFor();
    await page.getByTestId('unit-tree').locator('[data-unit-code="THON-01-CNS"]').waitFor();
    expect(await page.getByTestId('unit-tree').locator('[data-unit-code="THON-01-CNS"]').innerText()).toContain('Tổ công nghệ số cộng đồng thôn Đông');
    expect(await treeNodes(page).count()).toBe(31); // 15 offices and others + 8 villages + 8 teams
    await page.getByTestId('unit-table').getByText('Tổng 31 dòng').waitFor();
    await e2e.screenshot(page, 'org-desktop');

    // Filter the tree without diacritics.
    await page.getByTestId('unit-tree-search').fill('thon dong');
    await expect.poll(async () => (await treeNodes(page).allInnerTexts()).join(' | ')).not.toContain('Thôn Đoài');
    await e2e.screenshot(page, 'org-tree-filter');
    const filtered = (await treeNodes(page).allInnerTexts()).join(' | ');
    expect(filtered).toContain('Thôn Đông');
    expect(filtered).not.toContain('Trường Tiểu học');
    // The village's own team matches too, and shows at once under its opened village.
    const team = page.getByTestId('unit-tree').locator('[data-unit-code="THON-01-CNS"]');
    await team.waitFor();
    expect(await team.innerText()).toContain('Tổ công nghệ số cộng đồng thôn Đông');
    await page.getByTestId('unit-tree-search').fill('');

    // Search the table without diacritics.
    await page.getByTestId('unit-search').fill('thon dong');
    await expect.poll(() => page.getByTestId('unit-table').getByTestId('unit-row-name').allInnerTexts()).not.toContain('Thôn Đoài');
    expect(await page.getByTestId('unit-table').getByTestId('unit-row-name').allInnerTexts()).toEqual(
      expect.arrayContaining(['Thôn Đông', 'Tổ công nghệ số cộng đồng thôn Đông']),
    );
    await page.getByTestId('unit-search').fill('');

    // Create a unit through the form: code, name, kind, parent.
    await page.getByTestId('unit-create').click();
    const drawer = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await drawer.waitFor();
    // A code already taken: the server's message shows on the code field, and leaves once the code is edited.
    await page.getByTestId('unit-form-code').fill('THON-01');
    await page.getByTestId('unit-form-name').fill('Câu lạc bộ Bình dân học vụ số thôn Đông');
    await pick(page, 'unit-form-kind', 'Tổ công nghệ số cộng đồng');
    await pick(page, 'unit-form-parent', 'Thôn Đông (THON-01)', 'thon dong');
    await page.getByTestId('unit-form-submit').click();
    const codeError = drawer
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('unit-form-code') })
      .locator('.ant-form-item-explain-error');
    await codeError.waitFor();
    expect(await codeError.innerText()).toContain('"THON-01" đã tồn tại');
    await page.getByTestId('unit-form-code').fill('THON-01-CLB');
    await codeError.waitFor({ state: 'detached' });
    await e2e.screenshot(page, 'org-create-form');
    await page.getByTestId('unit-form-submit').click();
    await page.getByText('Đã thêm mới.').waitFor();
    await drawer.waitFor({ state: 'hidden' });

    // It is listed in the table and in the tree under Thôn Đông.
    await page.getByTestId('unit-search').fill('clb');
    await expect.poll(() => page.getByTestId('unit-table').getByTestId('unit-row-name').allInnerTexts()).toEqual(['Câu lạc bộ Bình dân học vụ số thôn Đông']);
    await page.getByTestId('unit-tree').locator('[data-unit-code="THON-01-CLB"]').waitFor();

    // The audit page shows the creation.
    await page.getByTestId('menu-audit').click();
    await page.waitForURL('**/audit');
    const entry = page.getByTestId('audit-table').locator('tr').filter({ hasText: 'Tạo đơn vị THON-01-CLB – Câu lạc bộ Bình dân học vụ số thôn Đông' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Thêm mới');
    expect(await entry.innerText()).toContain('Nguyễn Thị Hồng');
    await e2e.screenshot(page, 'audit-desktop');

    // Another commune's unit: the API answers 404 with the Vietnamese message, as if it did not exist.
    const res = await fetchInPage(page, `/api/communes/${e2e.ids.hungDao}/units/${e2e.ids.hungDaoUnit}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy dữ liệu.' } });
    const list = await fetchInPage(page, `/api/communes/${e2e.ids.hungDao}/units/tree`);
    expect(list.status).toBe(404);

    // The commune switcher offers only Xã Gia Phúc.
    await page.getByTestId('commune-switcher').click();
    await openDropdown(page).waitFor();
    const offered = await openDropdown(page).innerText();
    expect(offered).toContain('Xã Gia Phúc');
    expect(offered).not.toContain('Hưng Đạo');
    await page.keyboard.press('Escape');

    // A remembered commune id from elsewhere does not switch the page to Hưng Đạo.
    await page.evaluate((id) => localStorage.setItem('tds.communeId', id), e2e.ids.hungDao);
    await page.goto('/org');
    await treeNodes(page).first().waitFor();
    expect(await page.getByTestId('unit-tree').innerText()).not.toContain('Tổ dân phố');
    expect(await page.getByText('Phường Hưng Đạo').count()).toBe(0);
  });
});
