import { expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { searchKey } from '@tds/contracts';
import { expectNoSeriousViolations, horizontalOverflow } from './support/a11y';
import { describeE2E, fetchInPage, loginViaUi } from './support/fixture';

const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, bypassCSP: true };
const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };
const screens = [
  { label: '1366 px', options: desktop, narrow: false },
  { label: '360 px', options: phone, narrow: true },
];

interface ResidentRow {
  id: string;
  fullName: string;
  birthYear: number;
}

/** A menu entry, behind the toggle on a phone. */
async function openMenu(page: Page, testId: string, narrow: boolean) {
  if (narrow) await page.getByTestId('menu-toggle').click();
  await page.getByTestId(testId).click();
  if (narrow) await page.getByTestId(testId).waitFor({ state: 'hidden' });
}

/** The page is no wider than the screen: the document's own scroll, and nothing inside sticking out. */
async function noHorizontalScroll(page: Page, label: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${label}: document ${widths.scroll} > ${widths.client}`).toBeLessThanOrEqual(widths.client);
  const o = await horizontalOverflow(page);
  expect(o.wide, label).toEqual([]);
}

describeE2E(
  'Bình dân học vụ số: điểm danh trên điện thoại, tổng quan của xã',
  (e2e) => {
    for (const screen of screens) {
      it(`thành viên tổ thôn Đông mở buổi hướng dẫn, tìm người dân không dấu, điểm danh, thêm người mới (${screen.label})`, async () => {
        const page = await e2e.newPage(screen.options);
        await loginViaUi(page, 'giaphuc.thondong');
        await openMenu(page, 'menu-training', screen.narrow);
        await page.waitForURL('**/training');
        await page.getByTestId('training-nav-sessions').click();
        await page.waitForURL('**/training/sessions');

        // Every session of the commune is listed; only those of Thôn Đông open (the team's village).
        const link = page.getByTestId('session-row-link').first();
        await link.waitFor();
        await page.waitForLoadState('networkidle');
        if (screen.narrow) await noHorizontalScroll(page, `sessions at ${screen.label}`);
        await expectNoSeriousViolations(page, `sessions list at ${screen.label}`);
        await link.click();
        await page.waitForURL(/\/training\/sessions\/[0-9a-f-]{36}$/u);
        const sessionId = new URL(page.url()).pathname.split('/').pop()!;
        await page.getByTestId('session-title').waitFor();
        expect(await page.getByTestId('session-header').innerText()).toContain('Nhà văn hóa thôn Đông');

        // A resident of the village not yet present, found by the name typed without diacritics.
        const communeId = e2e.ids.giaPhuc;
        const detail = (await fetchInPage(page, `/api/communes/${communeId}/training/sessions/${sessionId}`)).body as {
          villageId: string;
          attendance: { residentId: string }[];
        };
        const present = new Set(detail.attendance.map((a) => a.residentId));
        const all = (await fetchInPage(page, `/api/communes/${communeId}/training/residents?villageId=${detail.villageId}&pageSize=100`)).body as {
          items: ResidentRow[];
        };
        const typed = searchKey(all.items.find((r) => searchKey(r.fullName) !== r.fullName.toLowerCase() && !present.has(r.id))!.fullName);
        expect(typed).toMatch(/^[a-z ]+$/u);
        // What the screen will list for that search (ten, in the server's order): the first one absent.
        const listed = (
          await fetchInPage(page, `/api/communes/${communeId}/training/residents?villageId=${detail.villageId}&q=${encodeURIComponent(typed)}&pageSize=10`)
        ).body as { items: ResidentRow[] };
        const who = listed.items.find((r) => !present.has(r.id))!;
        expect(who, `an absent resident named ${typed}`).toBeDefined();

        const count = async () => Number(/\d+/u.exec(await page.getByTestId('session-attendees').innerText())![0]);
        const before = await count();
        await page.getByTestId('session-search').fill(typed);
        const row = page
          .getByTestId('session-result')
          .filter({ hasText: who.fullName })
          .filter({ hasText: String(who.birthYear) })
          .first();
        await row.waitFor();
        expect(await row.getAttribute('data-present')).toBe('false');
        await row.click();
        await expect.poll(() => row.getAttribute('data-present')).toBe('true');
        await expect.poll(count).toBe(before + 1);
        await expect
          .poll(async () =>
            ((await fetchInPage(page, `/api/communes/${communeId}/training/sessions/${sessionId}`)).body as typeof detail).attendance.some(
              (a) => a.residentId === who.id,
            ),
          )
          .toBe(true);
        if (screen.narrow) await noHorizontalScroll(page, `attendance with results at ${screen.label}`);
        await expectNoSeriousViolations(page, `attendance search at ${screen.label}`);

        // A new resident in the compact form: name, birth year, gender; marked present at once.
        const name = screen.narrow ? 'Đinh Thị Xuân Mai' : 'Hà Văn Khải';
        await page.getByTestId('session-search').fill(name);
        await page.getByTestId('session-add-resident').click();
        await page.getByTestId('resident-form-fullName').waitFor();
        // Typed with its diacritics, the search is the name already.
        expect(await page.getByTestId('resident-form-fullName').inputValue()).toBe(name);
        await page.getByTestId('resident-form-birthYear').fill('1971');
        await page
          .getByTestId('resident-form-gender')
          .getByText(screen.narrow ? 'Nữ' : 'Nam', { exact: true })
          .click();
        if (screen.narrow) await noHorizontalScroll(page, `add form at ${screen.label}`);
        await expectNoSeriousViolations(page, `add-resident form at ${screen.label}`);
        await page.getByTestId('resident-form-submit').click();
        const attendee = page.getByTestId('session-attendee').filter({ hasText: name });
        await attendee.waitFor();
        expect(await attendee.innerText()).toContain('1971');
        await expect.poll(count).toBe(before + 2);
        // The screen shows the mark at once; the server has it once the request lands.
        await expect
          .poll(
            async () =>
              (
                (await fetchInPage(page, `/api/communes/${communeId}/training/sessions/${sessionId}`)).body as { attendance: { fullName: string }[] }
              ).attendance.map((a) => a.fullName),
            { timeout: 15_000 },
          )
          .toContain(name);
        await page.getByTestId('resident-form').waitFor({ state: 'detached' });
      });
    }

    for (const screen of screens) {
      it(`cán bộ xã xem tổng quan có số liệu, không cuộn ngang (${screen.label})`, async () => {
        const page = await e2e.newPage(screen.options);
        await loginViaUi(page, 'giaphuc.vhxh');
        await openMenu(page, 'menu-training', screen.narrow);
        await page.waitForURL('**/training');
        const trained = page.getByTestId('training-total-trained');
        await expect.poll(() => trained.innerText()).toMatch(/\d+,\d\s%/u);
        expect(await trained.innerText()).toContain('trên');
        await expect.poll(() => page.getByTestId('training-villages').getByTestId('training-village-row').count()).toBeGreaterThan(1);
        const villages = await page.getByTestId('training-villages').innerText();
        expect(villages).toContain('Thôn Đông');
        // Modules by name, never by code; breakdowns by labels.
        const modules = await page.getByTestId('training-modules').innerText();
        expect(modules).toContain('Sử dụng ứng dụng VNeID và dịch vụ công trực tuyến');
        expect(modules).not.toMatch(/KNS\./u);
        expect(await page.getByTestId('training-by-group').innerText()).toContain('Người lao động trong doanh nghiệp');
        expect(await page.getByTestId('training-by-age').innerText()).toContain('Từ 60 tuổi trở lên');
        expect(await page.locator('main').innerText()).not.toMatch(/vneid_level2|KNS\.|[0-9a-f]{8}-[0-9a-f]{4}-/u);
        await page.waitForLoadState('networkidle');
        await noHorizontalScroll(page, `overview at ${screen.label}`);
        await expectNoSeriousViolations(page, `overview at ${screen.label}`);
        // The admin enters the population: the drawer is there for them (can.manage).
        await page.getByTestId('training-population-open').click();
        await page.getByTestId('population-adults').first().waitFor();
        await expectNoSeriousViolations(page, `population drawer at ${screen.label}`);
      });
    }

    for (const screen of screens) {
      it(`cán bộ xã nhập người dân từ Excel: chạy thử thấy lỗi từng dòng, sửa tệp rồi ghi; giấy chứng nhận kiểm tra được trên trang công khai (${screen.label})`, async () => {
        const page = await e2e.newPage(screen.options);
        await loginViaUi(page, 'giaphuc.vhxh');
        await page.goto(`${e2e.baseUrl}/training/residents`);
        await page.getByTestId('resident-import-open').click();
        await page.getByTestId('resident-import').waitFor();
        const tag = screen.narrow ? 'P' : 'D';
        const xlsx = async (rows: unknown[][]) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet('Người dân');
          ws.addRow(['Họ và tên', 'Năm sinh', 'Giới tính', 'Thôn, tổ dân phố']);
          for (const r of rows) ws.addRow(r);
          return {
            name: 'nguoi-dan.xlsx',
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            buffer: Buffer.from(await wb.xlsx.writeBuffer()),
          };
        };
        const input = page.getByTestId('resident-import').locator('input[type=file]');
        await input.setInputFiles(
          await xlsx([
            [`Lương Văn Nhập ${tag}`, 1971, 'Nam', 'Thôn Đông'],
            [`Lương Thị Sai ${tag}`, 2999, 'Nữ', 'Thôn Đông'],
          ]),
        );
        const errors = page.getByTestId('resident-import-errors');
        await errors.waitFor();
        expect(await errors.innerText()).toContain('Năm sinh 2999 sau năm hiện tại');
        expect(await page.getByTestId('resident-import-commit').isDisabled()).toBe(true);
        await expectNoSeriousViolations(page, `import dry run at ${screen.label}`);
        await input.setInputFiles(
          await xlsx([
            [`Lương Văn Nhập ${tag}`, 1971, 'Nam', 'Thôn Đông'],
            [`Lương Thị Sai ${tag}`, 1999, 'Nữ', 'thon dong'],
          ]),
        );
        await expect.poll(() => page.getByTestId('resident-import-summary').innerText()).toContain('2 người mới');
        await page.getByTestId('resident-import-commit').click();
        await page.getByTestId('resident-import').waitFor({ state: 'detached' });
        const communeId = e2e.ids.giaPhuc;
        const listed = (await fetchInPage(page, `/api/communes/${communeId}/training/residents?q=${encodeURIComponent(`luong van nhap ${tag}`)}`)).body as {
          items: ResidentRow[];
        };
        expect(listed.items.map((r) => r.fullName)).toEqual([`Lương Văn Nhập ${tag}`]);

        // A certificate for someone who completed modules, checked on the public page without signing in.
        const trained = (await fetchInPage(page, `/api/communes/${communeId}/training/residents?pageSize=50`)).body as {
          items: (ResidentRow & { completedModules: string[] })[];
        };
        const who = trained.items.find((r) => r.completedModules.length > 0)!;
        const cert = (await fetchInPage(page, `/api/communes/${communeId}/training/residents/${who.id}/certificates`, { method: 'POST', body: {} })).body as {
          code: string;
        };
        const anon = await e2e.newPage(screen.options);
        await anon.goto(`${e2e.baseUrl}/verify/${cert.code}`);
        const ok = anon.getByTestId('verify-ok');
        await ok.waitFor();
        const text = await ok.innerText();
        expect(text).toContain(cert.code);
        expect(text).not.toContain(who.fullName);
        expect(text).toContain('Thôn');
        if (screen.narrow) await noHorizontalScroll(anon, `verify page at ${screen.label}`);
        await expectNoSeriousViolations(anon, `verify page at ${screen.label}`);
      });
    }
  },
  { movement: true },
);
