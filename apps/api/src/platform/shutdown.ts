/** One step of stopping: a name for the log and the work. */
export interface ShutdownStep {
  name: string;
  run(): Promise<unknown>;
}

export interface ShutdownOptions {
  /** Run in order; a failing step is logged and the next one runs. */
  steps: ShutdownStep[];
  /** After this many milliseconds the process exits (code 1) whatever is still running. */
  deadlineMs: number;
  log: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
  exit?: (code: number) => void;
}

/**
 * Stop on SIGTERM and SIGINT: run the steps (stop accepting, close the app, checkpoint and close
 * the database...) and exit 0, or exit 1 at the hard deadline if something hangs. A second signal
 * exits at once. Returns `stop(signal)` for callers that stop for other reasons, and whether a stop
 * has begun.
 */
export function installShutdown(opts: ShutdownOptions): { stop(signal: string): Promise<void>; readonly stopping: boolean } {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      opts.log.warn(`Nhận ${signal} lần nữa: dừng ngay.`);
      exit(1);
      return;
    }
    stopping = true;
    opts.log.info(`Nhận ${signal}, đang dừng (tối đa ${Math.round(opts.deadlineMs / 1000)} giây)...`);
    const deadline = setTimeout(() => {
      opts.log.error(`Quá ${Math.round(opts.deadlineMs / 1000)} giây mà chưa dừng xong: buộc thoát.`);
      exit(1);
    }, opts.deadlineMs);
    deadline.unref();
    for (const step of opts.steps) {
      try {
        await step.run();
      } catch (err) {
        opts.log.warn(`Khi dừng, bước "${step.name}" lỗi: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    clearTimeout(deadline);
    exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return {
    stop,
    get stopping() {
      return stopping;
    },
  };
}
