import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES } from './fixtures/expected.js';
import { planParseCommand } from './plan-parse-command.js';

describe('plan parse FILE', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows each warning by its Vietnamese message, without the code', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const lines: string[] = [];
    const log = (msg: string) => lines.push(msg);
    await planParseCommand.run(['parse', `${FIXTURES}003_52b1619693e432af.txt`], { log } as unknown as Parameters<typeof planParseCommand.run>[1]);
    expect(out).toHaveBeenCalled();
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(l).toMatch(/^Cảnh báo: /u);
      expect(l).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/u);
    }
  });
});
