import { afterEach, describe, expect, it } from 'vitest';
import { WorkerJobError, WorkerPool, workerTask } from './worker-pool';
import type * as fixture from './worker-pool.fixture';

const url = new URL('./worker-pool.fixture.ts', import.meta.url);
const echo = workerTask<typeof fixture.echo>(url, 'echo');
const spin = workerTask<typeof fixture.spin>(url, 'spin');
const hog = workerTask<typeof fixture.hog>(url, 'hog');
const fail = workerTask<typeof fixture.fail>(url, 'fail');
const slowLoad = workerTask<typeof fixture.slowLoad>(url, 'slowLoad');

const reasonOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof WorkerJobError ? e.reason : `other: ${String(e)}`),
  );

describe('WorkerPool', () => {
  let pool: WorkerPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('runs jobs in worker threads and returns their results', async () => {
    pool = new WorkerPool({ size: 2, timeoutMs: 20_000, maxMemoryMb: 128 });
    const results = await Promise.all([1, 2, 3, 4].map((n) => pool!.run(echo, { value: { n, text: 'Kế hoạch' } })));
    expect(results.map((r) => r.value)).toEqual([1, 2, 3, 4].map((n) => ({ n, text: 'Kế hoạch' })));
    expect(results.every((r) => r.thread > 0)).toBe(true);
    expect(new Set(results.map((r) => r.thread)).size).toBeLessThanOrEqual(2);
  }, 30_000);

  it('terminates a job past its time limit, replaces the worker, and the next job still works', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 3_000, maxMemoryMb: 128 });
    const first = await pool.run(echo, { value: 'warm' });
    const t0 = Date.now();
    expect(await reasonOf(pool.run(spin, { ms: 60_000 }))).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(10_000);
    const after = await pool.run(echo, { value: 'after' });
    expect(after.value).toBe('after');
    expect(after.thread).not.toBe(first.thread);
    expect(pool.started).toBe(2);
  }, 60_000);

  it('a worker past its memory limit fails its job with "memory"; the next job runs on a new worker', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 64 });
    await pool.run(echo, { value: 'warm' });
    expect(await reasonOf(pool.run(hog, undefined as never))).toBe('memory');
    expect((await pool.run(echo, { value: 'again' })).value).toBe('again');
  }, 90_000);

  it('a job that throws fails with "failed" and leaves the worker in service', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 20_000, maxMemoryMb: 128 });
    expect(await reasonOf(pool.run(fail, undefined as never))).toBe('failed');
    await pool.run(echo, { value: 1 });
    expect(pool.started).toBe(1);
  }, 30_000);

  it('close() ends running and waiting jobs at once with "closed", and refuses new ones', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 128 });
    await pool.run(echo, { value: 'warm' });
    const running = reasonOf(pool.run(spin, { ms: 60_000 }));
    const waiting = reasonOf(pool.run(echo, { value: 'never' }));
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    await pool.close();
    expect(await running).toBe('closed');
    expect(await waiting).toBe('closed');
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(pool.load.workers).toBe(0);
    expect(await reasonOf(pool.run(echo, { value: 'late' }))).toBe('closed');
  }, 30_000);

  it("runs the preloads when a worker starts, before its first job, without counting them toward the job's time", async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 1000, maxMemoryMb: 128, preload: [slowLoad] });
    const t0 = Date.now();
    expect((await pool.run(echo, { value: 'after a 1.5 s preload' })).value).toBe('after a 1.5 s preload');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    expect(await reasonOf(pool.run(spin, { ms: 5000 }))).toBe('timeout');
  }, 30_000);

  it('refuses jobs beyond its queue with "busy"', async () => {
    pool = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 128, maxQueue: 2 });
    const jobs = [0, 1, 2].map(() => reasonOf(pool!.run(spin, { ms: 300 })));
    expect(await reasonOf(pool.run(echo, { value: 'x' }))).toBe('busy');
    expect(await Promise.all(jobs)).toEqual(['resolved', 'resolved', 'resolved']);
  }, 30_000);
});
