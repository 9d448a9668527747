import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { confirmReviews } from '@tds/api/src/testing/kits/reports';
import { expectNoSeriousViolations, horizontalOverflow } from './support/a11y';
import { describeE2E, fetchInPage, loginViaUi } from './support/fixture';

const FIBRE = 'XH.HO_CAP_QUANG';

/** Pick an option of the open antd Select by its label (typed, then chosen from the list). */
async function pick(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.waitFor();
  await dropdown.locator('.ant-select-item-option', { hasText: label }).first().click();
  if (await dropdown.count()) await page.keyboard.press('Escape');
  // Closed (its hidden list is out of the page's accessibility tree) before anything else is checked.
  await expect.poll(() => dropdown.count()).toBe(0);
}

async function noOverflow(page: Page, label: string) {
  const o = await horizontalOverflow(page);
  expect(o.scrollWidth - o.innerWidth, `${label}: ${o.wide.join(', ')}`).toBeLessThanOrEqual(0);
  expect(o.wide, label).toEqual([]);
}

describeE2E('chỉ tiêu theo loại đơn vị; bảng điều khiển theo kế hoạch', (e2e) => {
  it('cán bộ xã chọn thêm trường học báo cáo số hộ cáp quang, rồi quay về mặc định; hộp thoại dùng được ở 360 px', async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    await loginViaUi(page, 'giaphuc.vhxh');
    await page.getByTestId('menu-indicators').click();
    await page.waitForURL('**/indicators');
    const kinds = page.getByTestId(`indicator-kinds-${FIBRE}`);
    await expect.poll(() => kinds.innerText()).toBe('Thôn, xóm, tổ dân phố');

    await page.getByTestId(`indicator-choose-kinds-${FIBRE}`).click();
    await pick(page, 'indicator-kinds-select', 'Trường học');
    await page.getByTestId('indicator-kinds-save').click();
    await expect.poll(() => kinds.innerText()).toContain('Trường học');
    expect(await kinds.innerText()).toContain('Thôn, xóm, tổ dân phố');

    // The school's report form now asks for the figure (the server says so, not the page).
    const { body } = await fetchInPage(page, `/api/communes/${e2e.ids.giaPhuc}/indicators`);
    const fibre = (body as { items: { code: string; unitKinds: string[] | null; unitKindsChosen: boolean }[] }).items.find((i) => i.code === FIBRE)!;
    expect(fibre).toMatchObject({ unitKindsChosen: true, unitKinds: expect.arrayContaining(['village', 'school']) });

    await page.getByTestId(`indicator-choose-kinds-${FIBRE}`).click();
    await page.getByTestId('indicator-kinds-default').click();
    await expect.poll(() => kinds.innerText()).toBe('Thôn, xóm, tổ dân phố');

    // At 360 px: the page does not scroll sideways; the dialog fits and passes axe.
    const phone = await e2e.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    await loginViaUi(phone, 'giaphuc.vhxh');
    await phone.goto('/indicators');
    await phone.getByTestId(`indicator-choose-kinds-${FIBRE}`).waitFor();
    await noOverflow(phone, 'indicators at 360 px');
    await phone.getByTestId(`indicator-choose-kinds-${FIBRE}`).click();
    await phone.getByTestId('indicator-kinds-select').waitFor();
    const box = await phone.getByRole('dialog').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await expectNoSeriousViolations(phone, 'indicator kinds dialog at 360 px');
  });

  it('xã có hai kế hoạch: bảng điều khiển có ô chọn kế hoạch, chọn là biểu đồ kỳ báo cáo và thanh địa chỉ theo kế hoạch đó; dùng được ở 360 px', async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    await loginViaUi(page, 'giaphuc.vhxh');
    const communeId = e2e.ids.giaPhuc;
    const template = await fetchInPage(page, `/api/plan-template?communeId=${communeId}`);
    // Two plans of the commune (this demo starts with none): the movement's, and a Bình dân học vụ số plan of its own.
    const publish = async (title: string) => {
      const doc = { ...confirmReviews(template.body as Parameters<typeof confirmReviews>[0]), title };
      const created = await fetchInPage(page, `/api/communes/${communeId}/plans`, { method: 'POST', body: { doc, source: 'template' } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const p = created.body as { id: string; version: number };
      const published = await fetchInPage(page, `/api/communes/${communeId}/plans/${p.id}/publish`, { method: 'POST', body: { version: p.version } });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      return p;
    };
    await publish('Kế hoạch thực hiện phong trào thi đua đổi mới sáng tạo và chuyển đổi số');
    const plan = await publish('Kế hoạch hưởng ứng phong trào Bình dân học vụ số năm 2026');

    await page.goto('/progress');
    const picker = page.getByTestId('progress-plan');
    await picker.waitFor();
    const cycles = page.waitForResponse((r) => r.url().includes('/progress/cycles') && r.url().includes(`planId=${plan.id}`) && r.status() === 200);
    await pick(page, 'progress-plan', 'Bình dân học vụ số năm 2026');
    const res = await cycles;
    const body = (await res.json()) as { cycles: { planId: string }[] };
    expect(new Set(body.cycles.map((c) => c.planId))).toEqual(new Set([plan.id]));
    await expect.poll(() => new URL(page.url()).searchParams.get('plan')).toBe(plan.id);
    await expectNoSeriousViolations(page, 'dashboard with a plan chosen at 1366 px');

    // The address bar keeps the choice: a phone opening the link sees the same plan chosen, nothing wider than the screen.
    const phone = await e2e.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    await loginViaUi(phone, 'giaphuc.vhxh');
    await phone.goto(`/progress?plan=${plan.id}`);
    await expect.poll(() => phone.getByTestId('progress-plan').innerText()).toContain('Bình dân học vụ số năm 2026');
    await noOverflow(phone, 'dashboard at 360 px');
    await expectNoSeriousViolations(phone, 'dashboard with a plan chosen at 360 px');
  });
});
