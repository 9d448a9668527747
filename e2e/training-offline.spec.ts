import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { searchKey } from '@tds/contracts';
import { makeUser } from '@tds/api/src/demo/builders';
import { unit } from '@tds/api/src/modules/org/org.table';
import { attendance, resident } from '@tds/api/src/modules/training';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { expectNoSeriousViolations, horizontalOverflow } from './support/a11y';
import { DEMO_PASSWORD, describeE2E, fetchInPage, loginViaUi } from './support/fixture';

const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };

/**
 * A network between the browser and the server that the test can cut: while cut, every connection
 * is dropped, the service worker's included (Playwright's offline mode alone may let those through).
 */
async function cuttableNetwork(target: string) {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let cut = false;
  const server = http.createServer((req, res) => {
    if (cut) {
      req.socket.destroy();
      return;
    }
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.on('connection', (s) => {
    if (cut) return void s.destroy();
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The page is controlled by the service worker, and the village's roster is saved on the device. */
async function readyForOffline(page: Page, communeId: string, villageId: string) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.getByTestId('session-title').waitFor();
  }
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(
          (key) =>
            new Promise<boolean>((resolve) => {
              const req = indexedDB.open('tds-offline');
              req.onsuccess = () => {
                const db = req.result;
                if (!db.objectStoreNames.contains('snapshots')) return resolve(false);
                const get = db.transaction('snapshots').objectStore('snapshots').get(key);
                get.onsuccess = () => resolve(!!get.result);
                get.onerror = () => resolve(false);
              };
              req.onerror = () => resolve(false);
            }),
          `roster:${communeId}:${villageId}`,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  // The shell and this screen's code are in the cache (the worker finished installing).
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith('tds-'))), { timeout: 15_000 }).toBe(true);
}

async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('offline-status').getAttribute('data-pending'));
}

describeE2E(
  'Bình dân học vụ số: điểm danh khi không có mạng, đồng bộ khi có mạng trở lại',
  (e2e) => {
    it('hai thành viên tổ điểm danh cùng buổi khi mất mạng; có mạng lại, mọi lượt được ghi đúng một lần', async () => {
      const net = await cuttableNetwork(e2e.baseUrl);
      try {
        const communeId = e2e.ids.giaPhuc;
        const [a, b] = [await e2e.newPage({ ...phone, baseURL: net.url }), await e2e.newPage({ ...phone, baseURL: net.url })];
        await loginViaUi(a, 'giaphuc.thondong');
        await loginViaUi(b, 'giaphuc.thondong2');

        // A session of Thôn Đông, and two residents of the village not yet present.
        await a.goto('/training/sessions');
        await a.getByTestId('session-row-link').first().click();
        await a.waitForURL(/\/training\/sessions\/[0-9a-f-]{36}$/u);
        const sessionPath = new URL(a.url()).pathname;
        const sessionId = sessionPath.split('/').pop()!;
        await a.getByTestId('session-title').waitFor();
        const detail = (await fetchInPage(a, `/api/communes/${communeId}/training/sessions/${sessionId}`)).body as {
          villageId: string;
          attendance: { residentId: string }[];
        };
        const present = new Set(detail.attendance.map((x) => x.residentId));
        const listed = (await fetchInPage(a, `/api/communes/${communeId}/training/residents?villageId=${detail.villageId}&pageSize=100`)).body as {
          items: { id: string; fullName: string; birthYear: number }[];
        };
        const [first, second] = listed.items.filter((r) => !present.has(r.id));
        expect(first && second, 'two absent residents of Thôn Đông').toBeTruthy();
        // Typed as a member would: the name without diacritics, and the birth year to tell namesakes apart.
        const typed = (r: { fullName: string; birthYear: number }) => `${searchKey(r.fullName)} ${r.birthYear}`;
        await readyForOffline(a, communeId, detail.villageId);
        await b.goto(sessionPath);
        await b.getByTestId('session-title').waitFor();
        await readyForOffline(b, communeId, detail.villageId);
        expect(await pendingCount(a)).toBe(0);

        // The network goes: the phones are offline and the server cannot be reached at all.
        net.cut();
        await a.context().setOffline(true);
        await b.context().setOffline(true);

        // The app opens again with no network (the service worker's shell, the device's copy of the session).
        await a.reload();
        await a.getByTestId('session-title').waitFor();
        await a.getByTestId('offline-banner').waitFor();
        const count = async (p: Page) => Number(/\d+/u.exec(await p.getByTestId('session-attendees').innerText())![0]);
        const before = await count(a);

        // Member A finds a resident without diacritics in the saved roster and marks them.
        await a.getByTestId('session-search').fill(typed(first!));
        const row = a
          .getByTestId('session-result')
          .filter({ hasText: first!.fullName })
          .filter({ hasText: String(first!.birthYear) })
          .first();
        await row.click();
        await expect.poll(() => row.getAttribute('data-present')).toBe('true');
        await a.getByTestId('session-attendee').filter({ hasText: first!.fullName }).getByTestId('session-attendee-waiting').waitFor();

        // ...and adds a new resident in two taps, marked present at once.
        const newName = 'Lường Thị Ngoại Tuyến';
        await a.getByTestId('session-search').fill(newName);
        await a.getByTestId('session-add-resident').click();
        await a.getByTestId('offline-resident-form').waitFor();
        expect(await a.getByTestId('offline-resident-name').inputValue()).toBe(newName);
        await a.getByTestId('offline-resident-year').fill('1968');
        await a.getByTestId('offline-resident-gender').getByText('Nữ', { exact: true }).click();
        await a.getByTestId('offline-resident-submit').click();
        await a.getByTestId('session-attendee').filter({ hasText: newName }).waitFor();
        await expect.poll(() => count(a)).toBe(before + 2);
        await expect.poll(() => pendingCount(a)).toBe(3);
        expect(await a.getByTestId('offline-pending').innerText()).toContain('3 thao tác chờ đồng bộ');
        await e2e.screenshot(a, 'training-offline-360');
        expect((await horizontalOverflow(a)).wide).toEqual([]);
        await expectNoSeriousViolations(a, 'offline attendance at 360 px');

        // Member B, offline on another phone, marks the second resident in the same session.
        await b.getByTestId('session-search').fill(typed(second!));
        const rowB = b
          .getByTestId('session-result')
          .filter({ hasText: second!.fullName })
          .filter({ hasText: String(second!.birthYear) })
          .first();
        await rowB.click();
        await expect.poll(() => pendingCount(b)).toBe(1);

        // Nothing has reached the server.
        const marksOnServer = () =>
          inScope(e2e.app.database.db, SYSTEM_SCOPE, (tx) =>
            tx
              .select({ residentId: attendance.residentId })
              .from(attendance)
              .where(and(eq(attendance.communeId, communeId), eq(attendance.sessionId, sessionId))),
          );
        const newOnes = () =>
          inScope(e2e.app.database.db, SYSTEM_SCOPE, (tx) =>
            tx
              .select({ id: resident.id })
              .from(resident)
              .where(and(eq(resident.communeId, communeId), eq(resident.fullName, newName), isNull(resident.mergedIntoId))),
          );
        const held = (await marksOnServer()).length;
        expect(held).toBe(detail.attendance.length);
        expect(await newOnes()).toEqual([]);
        // What A queued, to send again later as a lost answer would make a phone do.
        const queued = await a.evaluate(
          () =>
            new Promise<unknown[]>((resolve) => {
              const req = indexedDB.open('tds-offline');
              req.onsuccess = () => {
                const all = req.result.transaction('ops').objectStore('ops').getAll();
                all.onsuccess = () => resolve((all.result as { seq: number; op: unknown }[]).sort((x, y) => x.seq - y.seq).map((x) => x.op));
              };
            }),
        );
        expect(queued).toHaveLength(3);

        // The network returns: both queues land, each operation once.
        net.restore();
        await a.context().setOffline(false);
        await b.context().setOffline(false);
        await expect.poll(() => pendingCount(a), { timeout: 30_000 }).toBe(0);
        await expect.poll(() => pendingCount(b), { timeout: 30_000 }).toBe(0);
        const added = await newOnes();
        expect(added).toHaveLength(1);
        await expect
          .poll(async () =>
            (await marksOnServer())
              .map((m) => m.residentId)
              .filter((id) => [first!.id, second!.id, added[0]!.id].includes(id))
              .sort(),
          )
          .toEqual([first!.id, second!.id, added[0]!.id].sort());
        expect((await marksOnServer()).length).toBe(held + 3);
        await a.getByTestId('offline-synced').waitFor();
        await expect.poll(() => count(a), { timeout: 15_000 }).toBe(before + 3);

        // The same queue sent twice more (answers lost): nothing more is counted.
        for (let i = 0; i < 2; i++) {
          const again = await fetchInPage(a, `/api/communes/${communeId}/training/sync`, { method: 'POST', body: { ops: queued } });
          expect(again.status).toBe(200);
          const results = (again.body as { results: { status: string }[] }).results;
          expect(results.map((r) => r.status)).toEqual(['replayed', 'replayed', 'replayed']);
        }
        expect((await marksOnServer()).length).toBe(held + 3);
        expect(await newOnes()).toHaveLength(1);
      } finally {
        await net.close();
      }
    });

    it('ứng dụng cài được: có manifest, biểu tượng và service worker', async () => {
      const page = await e2e.newPage(phone);
      await page.goto('/login');
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      const manifest = (await (await page.request.get(href!)).json()) as {
        name: string;
        start_url: string;
        display: string;
        icons: { src: string; sizes: string }[];
      };
      expect(manifest).toMatchObject({ name: 'Thi Đua Số', display: 'standalone', start_url: '/training/sessions' });
      for (const icon of manifest.icons) {
        const r = await page.request.get(icon.src);
        expect(r.status(), icon.src).toBe(200);
        expect(r.headers()['content-type']).toBe('image/png');
      }
      const sw = await page.request.get('/sw.js');
      expect(sw.status()).toBe(200);
      expect(await sw.text()).toContain('/index.html');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    });
  },
  {
    movement: true,
    seed: async (app, ids) => {
      // A second member of Thôn Đông's team, on another phone.
      const team = await inScope(app.database.db, SYSTEM_SCOPE, async (tx) => {
        const [u] = await tx
          .select({ id: unit.id })
          .from(unit)
          .where(and(eq(unit.communeId, ids.giaPhuc), eq(unit.code, 'THON-01-CNS')));
        return u!;
      });
      await makeUser(app.database.db, {
        username: 'giaphuc.thondong2',
        fullName: 'Lò Văn Hai',
        password: DEMO_PASSWORD,
        roles: [{ role: 'digital_team_member', communeId: ids.giaPhuc, unitId: team.id }],
      });
    },
  },
);
