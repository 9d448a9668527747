import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { createTestApp, type TestApp } from '@tds/api/src/testing/harness';
import { DEMO_PASSWORD, seedDemo, type DemoAccount } from '@tds/api/src/demo/seed';
import { commune, unit } from '@tds/api/src/modules/org/org.table';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { browserAvailable, browserRequired, launchBrowser, missingBrowserError, skipNotice } from './browser';

export { DEMO_PASSWORD };

/** Where screenshots go: TDS_E2E_SHOTS, else a folder in the system temp dir. */
export const shotsDir = process.env.TDS_E2E_SHOTS || path.join(tmpdir(), 'tds-e2e-shots');

export interface Ids {
  giaPhuc: string;
  hungDao: string;
  /** A unit of Phường Hưng Đạo, which Gia Phúc's users must never see. */
  hungDaoUnit: string;
}

export interface E2E {
  /** http://127.0.0.1:<port> of the in-process server. */
  readonly baseUrl: string;
  readonly app: TestApp;
  readonly browser: Browser;
  readonly accounts: DemoAccount[];
  readonly ids: Ids;
  /** A fresh browser context (own cookies and storage) and page; closed after each test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Uncaught exceptions thrown in pages of the current test. */
  readonly pageErrors: string[];
  /** Full-page screenshot into shotsDir; returns the file path. */
  screenshot(page: Page, name: string): Promise<string>;
}

async function findIds(app: TestApp): Promise<Ids> {
  return inScope(app.database.db, SYSTEM_SCOPE, async (tx) => {
    const [gp] = await tx.select({ id: commune.id }).from(commune).where(eq(commune.code, 'HP-GIAPHUC'));
    const [hd] = await tx.select({ id: commune.id }).from(commune).where(eq(commune.code, 'HP-HUNGDAO'));
    if (!gp || !hd) throw new Error('demo communes missing');
    const [u] = await tx
      .select({ id: unit.id })
      .from(unit)
      .where(and(eq(unit.communeId, hd.id), eq(unit.code, 'VHXH')));
    if (!u) throw new Error('Hưng Đạo unit missing');
    return { giaPhuc: gp.id, hungDao: hd.id, hungDaoUnit: u.id };
  });
}

/**
 * A describe block with the whole stack: createTestApp() on a fresh database (PGlite, or a new
 * database on DATABASE_URL's PostgreSQL), the demo data, the server on a free port serving the
 * built web app, and chromium. Skipped with a notice when there is no browser, unless
 * REQUIRE_BROWSER=1, in which case it fails.
 */
export function describeE2E(name: string, body: (e2e: E2E) => void, opts: { seed?: (app: TestApp, ids: Ids) => Promise<void>; movement?: boolean } = {}): void {
  const available = browserAvailable();
  if (!available && !browserRequired()) {
    console.log(skipNotice());
    describe.skip(name, () => body(unavailable()));
    return;
  }
  describe(name, () => {
    let app: TestApp | undefined;
    let browser: Browser | undefined;
    let baseUrl = '';
    let accounts: DemoAccount[] = [];
    let ids: Ids | undefined;
    const contexts: BrowserContext[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      if (!available) return; // REQUIRE_BROWSER=1: every test fails in beforeEach, counted as failed
      mkdirSync(shotsDir, { recursive: true });
      app = await createTestApp();
      accounts = await seedDemo(app.database.db, { production: false, movement: opts.movement ?? false });
      ids = await findIds(app);
      await opts.seed?.(app, ids);
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      const addr = app.app.server.address() as AddressInfo;
      baseUrl = `http://127.0.0.1:${addr.port}`;
      browser = await launchBrowser();
    });

    beforeEach(() => {
      if (!available) throw missingBrowserError();
    });

    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
      const errors = pageErrors.splice(0);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    });

    afterAll(async () => {
      await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
      await browser?.close().catch(() => undefined);
      await app?.close();
    });

    const need = <T>(v: T | undefined, what: string): T => {
      if (v === undefined) throw new Error(`e2e: ${what} not ready (beforeAll failed?)`);
      return v;
    };

    body({
      get baseUrl() {
        return need(baseUrl || undefined, 'server');
      },
      get app() {
        return need(app, 'server');
      },
      get browser() {
        return need(browser, 'browser');
      },
      get accounts() {
        return accounts;
      },
      get ids() {
        return need(ids, 'demo data');
      },
      pageErrors,
      async newPage(options: BrowserContextOptions = {}) {
        const context = await need(browser, 'browser').newContext({ baseURL: baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
        contexts.push(context);
        context.setDefaultTimeout(15_000);
        context.setDefaultNavigationTimeout(30_000);
        const page = await context.newPage();
        page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
        return page;
      },
      async screenshot(page, name) {
        const file = path.join(shotsDir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        return file;
      },
    });
  });
}

function unavailable(): E2E {
  return new Proxy({} as E2E, {
    get() {
      throw new Error('e2e: browser unavailable');
    },
  });
}

/** Log in through the login page and wait for the signed-in layout. */
export async function loginViaUi(
  page: Page,
  username: string,
  password: string = DEMO_PASSWORD,
  opts: { expect?: 'app' | 'change-password' } = {},
): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  if (opts.expect === 'change-password') {
    await page.waitForURL('**/change-password');
    return;
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login') && url.pathname !== '/change-password');
  await page.getByTestId('user-menu').waitFor();
}

/** Same-origin fetch from inside the page, with the session cookie and the CSRF header. */
export async function fetchInPage(page: Page, url: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ url, method, body }) => {
      const csrf = document.cookie
        .split('; ')
        .find((c) => c.startsWith('tds_csrf='))
        ?.slice('tds_csrf='.length);
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
      const res = await fetch(url, {
        method: method ?? 'GET',
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    },
    { url, method: init.method, body: init.body },
  );
}
