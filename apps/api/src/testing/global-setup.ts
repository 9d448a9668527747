import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/env';
import { TEMPLATE_DIR_ENV, writeTemplate } from './template';

/*
 * Vitest global setup of the API tests: build the migrated template database once for the run
 * (testing/template.ts), in the background, so that test files that need no database start at
 * once and the others wait only for what is left of the build. Removed again at the end.
 */

let dir: string | null = null;
let built: Promise<() => Promise<void>> | null = null;

export function setup(): void {
  // The browser tests use this setup too: in a run of both, the first one's template serves both.
  if (process.env[TEMPLATE_DIR_ENV]) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-test-template-'));
  process.env[TEMPLATE_DIR_ENV] = dir;
  built = writeTemplate(dir, loadConfig().DATABASE_URL);
}

export async function teardown(): Promise<void> {
  const drop = await built;
  await drop?.();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
