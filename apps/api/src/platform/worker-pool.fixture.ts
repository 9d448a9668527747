/** Tasks for worker-pool.test.ts (loaded in the pool's workers). */

/** The input back, with the worker's thread id. */
export async function echo(input: { value: unknown }): Promise<{ value: unknown; thread: number }> {
  const { threadId } = await import('node:worker_threads');
  return { value: input.value, thread: threadId };
}

/** Keep the CPU busy for `ms` (a parse that takes too long). */
export function spin(input: { ms: number }): number {
  const end = Date.now() + input.ms;
  let n = 0;
  while (Date.now() < end) n++;
  return n;
}

/** Hold ever more memory (a document that inflates without end). */
export function hog(): number {
  const keep: string[][] = [];
  for (;;) keep.push(Array.from({ length: 100_000 }, (_, i) => `chuỗi ${i} ${keep.length}`));
}

/** Throw (a library that fails on a malformed file). */
export function fail(): never {
  throw new Error('tệp hỏng');
}

/** A slow preload (a heavy library loading). */
export function slowLoad(): void {
  spin({ ms: 1500 });
}
