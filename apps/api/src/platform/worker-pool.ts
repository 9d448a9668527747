import { Worker, type TransferListItem } from 'node:worker_threads';

/**
 * A small pool of worker threads for CPU-heavy, untrusted work (reading uploaded documents, parsing
 * plans), so that the event loop only moves bytes. Each job runs under a time limit and each worker
 * under a memory limit; a worker that passes either is terminated and replaced. `close()` ends every
 * worker at once. Independent of Fastify: the app registers `close()` on its shutdown hooks.
 */

/** Why a job did not give a result. */
export type WorkerFailure = 'timeout' | 'memory' | 'crashed' | 'failed' | 'closed' | 'busy';

/** A job that did not give a result; `reason` says why (the caller turns it into a coded error). */
export class WorkerJobError extends Error {
  readonly reason: WorkerFailure;
  constructor(reason: WorkerFailure, message: string) {
    super(message);
    this.name = 'WorkerJobError';
    this.reason = reason;
  }
}

/** A function exported by a module, run in a worker: `fn(input)`; input and output are structured-cloned. */
export interface WorkerTask<I, O> {
  module: string;
  name: string;
  /** Phantom fields, for the types only. */
  readonly _in?: I;
  readonly _out?: O;
}

/** Name a task: `workerTask<typeof import('./x')['f']>(new URL('./x.ts', import.meta.url), 'f')`. */
export function workerTask<F extends (input: never) => unknown>(module: URL, name: string): WorkerTask<Parameters<F>[0], Awaited<ReturnType<F>>> {
  return { module: module.href, name };
}

export interface WorkerPoolOptions {
  /** Number of workers (at least 1). */
  size: number;
  /** Longest run of one job, in ms; the worker is then terminated. */
  timeoutMs: number;
  /** Heap limit of each worker (V8 old generation), in MB. */
  maxMemoryMb: number;
  /** Jobs waiting for a worker beyond which new jobs are refused as `busy` (default 8 per worker). */
  maxQueue?: number;
  /** Tasks each worker runs once when it starts, before it takes jobs (loading heavy libraries); their time counts toward no job. */
  preload?: WorkerTask<undefined, unknown>[];
}

interface Job {
  id: number;
  message: { id: number; module: string; name: string; input: unknown };
  transfer: TransferListItem[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  /** The worker has loaded (sent its ready message). */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

type Reply = { ready: true } | { id: number; ok: true; output: unknown; heapBytes: number } | { id: number; ok: false; message: string };

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
/** Longest a worker may take to load before it is given up (loading is not a job's time). */
const BOOT_MS = 60_000;

/** A pool of worker threads running `WorkerTask`s. */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly opts: Required<WorkerPoolOptions>;
  private nextId = 1;
  private closed = false;
  /** Workers started so far (replacements included). */
  started = 0;

  constructor(opts: WorkerPoolOptions) {
    this.opts = { maxQueue: Math.max(1, opts.size) * 8, preload: [], ...opts, size: Math.max(1, Math.floor(opts.size)) };
    this.slots = Array.from({ length: this.opts.size }, () => ({ worker: null, ready: false, job: null, timer: null }));
  }

  /** Start the workers now instead of at the first job (they take a moment to load). */
  warm(): void {
    if (this.closed) return;
    for (const slot of this.slots) if (!slot.worker) slot.worker = this.spawn(slot);
  }

  /** Workers running a job, and jobs waiting. */
  get load(): { busy: number; queued: number; workers: number } {
    return { busy: this.slots.filter((s) => s.job).length, queued: this.queue.length, workers: this.slots.filter((s) => s.worker).length };
  }

  /** Run a task in a worker; rejects with a WorkerJobError when it fails, times out, runs out of memory or the pool closes. */
  run<I, O>(task: WorkerTask<I, O>, input: I, transfer: TransferListItem[] = []): Promise<O> {
    if (this.closed) return Promise.reject(new WorkerJobError('closed', 'the worker pool is closed'));
    if (this.queue.length >= this.opts.maxQueue) return Promise.reject(new WorkerJobError('busy', 'too many jobs are waiting'));
    return new Promise<O>((resolve, reject) => {
      const id = this.nextId++;
      this.queue.push({ id, message: { id, module: task.module, name: task.name, input }, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Terminate every worker at once; running and waiting jobs reject with `closed`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const gone = new WorkerJobError('closed', 'the worker pool was closed');
    for (const job of this.queue.splice(0)) job.reject(gone);
    const ending: Promise<number>[] = [];
    for (const slot of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.job?.reject(gone);
      slot.job = null;
      if (slot.worker) ending.push(slot.worker.terminate());
      slot.worker = null;
    }
    await Promise.allSettled(ending);
  }

  private spawn(slot: Slot): Worker {
    const { maxMemoryMb } = this.opts;
    const worker = new Worker(BOOTSTRAP, {
      // The bootstrap registers the TypeScript loader itself: inherit no loader flags from the parent.
      execArgv: [],
      workerData: { preload: this.opts.preload.map((t) => ({ module: t.module, name: t.name })) },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.round(maxMemoryMb / 8))), stackSizeMb: 4 },
    });
    this.started++;
    slot.ready = false;
    worker.unref();
    // A worker that does not load (with its preloads) within BOOT_MS, or a job's time limit if longer, is given up.
    const bootMs = Math.max(BOOT_MS, this.opts.timeoutMs);
    slot.timer = setTimeout(() => {
      if (slot.worker !== worker || slot.ready) return;
      this.retire(slot, worker, new WorkerJobError('crashed', `the worker did not load within ${bootMs} ms`));
      void worker.terminate();
    }, bootMs);
    worker.on('message', (reply: Reply) => this.onReply(slot, worker, reply));
    worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.retire(
        slot,
        worker,
        new WorkerJobError(memory ? 'memory' : 'crashed', memory ? 'the worker ran out of memory' : `the worker failed: ${err.message}`),
      );
    });
    worker.on('exit', (code) => this.retire(slot, worker, new WorkerJobError('crashed', `the worker stopped (exit code ${code})`)));
    return worker;
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.worker ??= this.spawn(slot);
      slot.job = job;
      slot.worker.ref();
      // The job's time starts when the worker has loaded (a new worker may still be loading).
      if (slot.ready) this.startTimer(slot);
      slot.worker.postMessage(job.message, job.transfer);
    }
  }

  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      const w = slot.worker;
      if (w) this.retire(slot, w, new WorkerJobError('timeout', `the job took longer than ${this.opts.timeoutMs} ms`));
      void w?.terminate();
    }, this.opts.timeoutMs);
  }

  private onReply(slot: Slot, worker: Worker, reply: Reply): void {
    if (slot.worker !== worker) return;
    if ('ready' in reply) {
      slot.ready = true;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      if (slot.job) this.startTimer(slot);
      return;
    }
    if (!slot.job || slot.job.id !== reply.id) return;
    const job = slot.job;
    this.finish(slot);
    if (reply.ok) job.resolve(reply.output);
    else job.reject(new WorkerJobError('failed', reply.message));
    // A worker left holding much memory is replaced rather than kept (the next job starts clean).
    if (reply.ok && reply.heapBytes > (this.opts.maxMemoryMb * 1024 * 1024) / 2 && !this.closed) {
      slot.worker = this.spawn(slot);
      void worker.terminate();
    }
    this.dispatch();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker?.unref();
  }

  /** A worker is gone (timed out, out of memory, crashed): fail its job, forget it, start the next job on a new one. */
  private retire(slot: Slot, worker: Worker, why: WorkerJobError): void {
    if (slot.worker !== worker) return;
    const job = slot.job;
    const loaded = slot.ready;
    this.finish(slot);
    slot.worker = null;
    job?.reject(why);
    if (this.closed) return;
    // Replace a worker that had loaded at once, so the next upload does not wait for one to load
    // (one that failed to load is started again only by the next job, never in a loop).
    if (loaded) slot.worker = this.spawn(slot);
    this.dispatch();
  }
}
