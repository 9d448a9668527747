import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDbKind } from './testing/harness';
import { repoRoot } from './testing/server-process';

interface ScenarioFigures {
  trials: number;
  partial_records: number;
  duplicate_records: number;
  lost_committed: number;
  acknowledged: number;
  unanswered: number;
  restart_ok: number;
}

/**
 * The crash bench (bench/crash) as CI runs it: 3 kills -9 of the real server while a unit import
 * (2,000 rows here; the bench's default is 100,000 in files of 5,000), a burst of 20 report
 * submissions and a plan publish (1,200 due items) run at once; after each, the database is
 * checked and the unanswered requests sent again. The last stdout line is the bench's JSON.
 */
describe(`crash safety (${testDbKind()}): kill -9 during an import, a burst of submissions and a publish`, () => {
  it('3 trials: the next start opens every time; 0 partial, 0 duplicate, 0 lost records', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      // The bench gets this environment (PATH, DATABASE_URL); not config reading.
      // eslint-disable-next-line no-restricted-syntax
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(repoRoot, 'bench/crash/index.ts'),
          '--trials',
          '3',
          '--import-rows',
          '2000',
          '--publish-units',
          '100',
          '--together',
          '--scenarios',
          'unit_import,report_burst,plan_publish',
        ],
        { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
      });
      child.on('exit', (c) => resolve({ code: c, stdout: out, stderr: err }));
    });
    expect(code, stderr).toBe(0);
    const figures = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown> & { scenarios: Record<string, ScenarioFigures> };
    expect(figures).toMatchObject({
      bench: 'crash',
      db: testDbKind(),
      kills: 3,
      partial_records: 0,
      duplicate_records: 0,
      lost_committed: 0,
      audit_chains_ok: true,
    });
    if (testDbKind() === 'pglite') expect(figures.pglite_reopen_ok).toBe(3);
    for (const name of ['unit_import', 'report_burst', 'plan_publish']) {
      const s = figures.scenarios[name]!;
      expect(s, name).toMatchObject({ trials: 3, restart_ok: 3, partial_records: 0, duplicate_records: 0, lost_committed: 0 });
      expect(s.acknowledged, name).toBeGreaterThan(0);
    }
  }, 300_000);
});
