import { afterEach, describe, expect, it } from 'vitest';
import { clockNow, setClock, todayVn, vietnamYear } from './dates';

describe('the one clock', () => {
  afterEach(() => setClock(null));

  it('stands on a chosen instant and runs on from there; the Vietnam day and year follow it', () => {
    setClock('2026-06-14T23:30:00+07:00');
    expect(todayVn()).toBe('2026-06-14');
    expect(vietnamYear()).toBe(2026);
    const first = clockNow().getTime();
    expect(Math.abs(first - Date.parse('2026-06-14T16:30:00Z'))).toBeLessThan(1000);
    const until = Date.now() + 20;
    while (Date.now() < until) {
      // the real clock moves on; so does ours
    }
    expect(clockNow().getTime()).toBeGreaterThan(first);
    setClock('2029-12-31T17:00:00Z');
    expect(todayVn()).toBe('2030-01-01');
  });

  it('goes back to real time when cleared, and refuses an instant that is not one', () => {
    setClock('2025-01-01T00:00:00Z');
    setClock(undefined);
    expect(Math.abs(clockNow().getTime() - Date.now())).toBeLessThan(1000);
    expect(() => setClock('ngày mai')).toThrow(/không hợp lệ/u);
  });
});
