import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The open antd dropdown (Select, TreeSelect); antd keeps closed ones in the DOM, hidden. */
export const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Choose an option of an antd Select or TreeSelect by its text (typed first), then close the list. */
export async function pick(page: Page, testId: string, text: string, typed: string, elsewhere: string) {
  const field = page.getByTestId(testId);
  await expect
    .poll(async () => {
      if ((await field.innerText()).includes(text)) return true;
      if ((await openDropdown(page).count()) === 0) {
        await field.click();
        await page.keyboard.type(typed);
      }
      await openDropdown(page)
        .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper', { hasText: text })
        .first()
        .click({ timeout: 5000 })
        .catch(() => undefined);
      return (await field.innerText()).includes(text);
    })
    .toBe(true);
  await expect
    .poll(async () => {
      // Focus another field to close a list left open (Escape could close the drawer itself).
      if ((await openDropdown(page).count()) > 0) await page.getByTestId(elsewhere).click();
      return openDropdown(page).count();
    })
    .toBe(0);
}

/**
 * Wait until no antd dialog or pop-up confirmation is zooming in or out. A click on a dialog's button while it still moves
 * can land beside the button (the point is measured, then the button moves): the dialog then stays
 * open and nothing is sent, which made the report and scoring flows fail now and then.
 */
export async function dialogsSettled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-modal, .ant-popover').evaluateAll((ms) => ms.some((m) => /(^|\s)ant-zoom/u.test(m.className))), {
      timeout: 10_000,
      interval: 50,
    })
    .toBe(false);
}
