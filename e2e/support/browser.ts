import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium; TDS_CHROMIUM_PATH overrides it (tests of the skip path use a missing file). */
export function chromiumPath(): string {
  return process.env.TDS_CHROMIUM_PATH || '/usr/bin/chromium';
}

/** True when the chromium binary exists and is executable. */
export function browserAvailable(): boolean {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** REQUIRE_BROWSER=1 (CI): a missing browser is a failure, not a skip. */
export function browserRequired(): boolean {
  return process.env.REQUIRE_BROWSER === '1' || process.env.REQUIRE_BROWSER === 'true';
}

/** Same wording as scripts/test.mjs, so CI's grep for "browser tests SKIPPED" catches it too. */
export function skipNotice(): string {
  return `*** CHÚ Ý / NOTICE: không có ${chromiumPath()} nên BỎ QUA kiểm thử trình duyệt (browser tests SKIPPED). ***`;
}

export function missingBrowserError(): Error {
  return new Error(`REQUIRE_BROWSER=1 nhưng không có trình duyệt tại ${chromiumPath()} (browser required but missing).`);
}

/** Launch the system chromium; never downloads a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
