import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type AutosaveState } from './autosave';

class Stale extends Error {}

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(opts: { retryAfter?: (e: unknown) => number | null } = {}) {
  const calls: ReturnType<typeof deferred>[] = [];
  const states: AutosaveState[] = [];
  const saver = new Autosaver({
    delay: 1500,
    save: () => {
      const d = deferred();
      calls.push(d);
      return d.promise;
    },
    onState: (s) => states.push(s),
    isStale: (e) => e instanceof Stale,
    retryAfter: opts.retryAfter,
  });
  return { saver, calls, states };
}

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, 1.5 s after typing stops', async () => {
    const { saver, calls } = setup();
    saver.touch();
    vi.advanceTimersByTime(1000);
    saver.touch();
    vi.advanceTimersByTime(1000);
    expect(calls).toHaveLength(0);
    expect(saver.current.status).toBe('pending');
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(1);
    expect(saver.current.status).toBe('saving');
    calls[0]!.resolve();
    await vi.runAllTimersAsync();
    expect(saver.current.status).toBe('saved');
    expect(saver.current.savedAt).toBeInstanceOf(Date);
    expect(saver.current.dirty).toBe(false);
  });

  it('never runs two saves at once; changes made during a save are saved after it', async () => {
    const { saver, calls } = setup();
    saver.touch();
    vi.advanceTimersByTime(1500);
    expect(calls).toHaveLength(1);
    saver.touch();
    vi.advanceTimersByTime(1500);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.current.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    await vi.runAllTimersAsync();
    expect(saver.current.status).toBe('saved');
  });

  it('stops on a stale version, keeps the changes dirty, and resumes when asked', async () => {
    const { saver, calls } = setup();
    saver.touch();
    vi.advanceTimersByTime(1500);
    calls[0]!.reject(new Stale());
    await vi.runAllTimersAsync();
    expect(saver.current.status).toBe('stale');
    expect(saver.current.dirty).toBe(true);
    saver.touch();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(await saver.flush()).toBe(false);
    saver.resume();
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    await vi.runAllTimersAsync();
    expect(saver.current.status).toBe('saved');
  });

  it('keeps the changes after an error and retries when told to', async () => {
    const { saver, calls } = setup({ retryAfter: () => 10_000 });
    saver.touch();
    vi.advanceTimersByTime(1500);
    calls[0]!.reject(new Error('network'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.current.status).toBe('error');
    expect(saver.current.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    await vi.runAllTimersAsync();
    expect(saver.current.status).toBe('saved');
  });

  it('does not retry by itself unless told to', async () => {
    const { saver, calls } = setup();
    saver.touch();
    vi.advanceTimersByTime(1500);
    calls[0]!.reject(new Error('invalid'));
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
    saver.touch();
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toHaveLength(2);
  });

  it('flush saves immediately and reports success', async () => {
    const { saver, calls } = setup();
    expect(await saver.flush()).toBe(true);
    saver.touch();
    const flushed = saver.flush();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    expect(await flushed).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
  });

  it('flush waits for a save in flight, then saves what changed during it', async () => {
    const { saver, calls } = setup();
    saver.touch();
    vi.advanceTimersByTime(1500);
    saver.touch();
    const flushed = saver.flush();
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    expect(await flushed).toBe(true);
  });

  it('discard forgets unsaved changes', async () => {
    const { saver, calls } = setup();
    saver.touch();
    saver.discard();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(0);
    expect(saver.current).toMatchObject({ status: 'idle', dirty: false });
  });
});
