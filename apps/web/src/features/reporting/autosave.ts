/**
 * Debounced autosave of a draft, independent of React so that it can be unit-tested with fake timers.
 *
 * The form calls `touch()` on every change; `delay` ms after the last change the saver calls `save()`
 * (which reads the current form values and version). One save runs at a time: changes made while a
 * save is in flight are saved right after it. A failed save keeps the changes "dirty" (nothing is
 * lost); a stale-version refusal stops autosaving until the user chooses what to do (`resume()`).
 */
export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'stale' | 'error';

export interface AutosaveState {
  status: AutosaveStatus;
  /** When the last save succeeded. */
  savedAt: Date | null;
  /** The error of the last failed save (status error or stale). */
  error: unknown;
  /** Unsaved changes exist. */
  dirty: boolean;
}

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (id: unknown) => void;
}

export interface AutosaverOptions {
  delay: number;
  /** Save the current values; resolves when the server accepted them. */
  save: () => Promise<unknown>;
  /** Told about every state change. */
  onState: (s: AutosaveState) => void;
  /** Whether an error means "someone else saved first" (stops autosaving). */
  isStale: (e: unknown) => boolean;
  /** Try again after this many ms when a save failed for a passing reason (network, server); null: wait for the next change. */
  retryAfter?: (e: unknown) => number | null;
  now?: () => Date;
  timers?: Timers;
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export const initialAutosaveState: AutosaveState = { status: 'idle', savedAt: null, error: null, dirty: false };

export class Autosaver {
  private state: AutosaveState = initialAutosaveState;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private disposed = false;
  private readonly timers: Timers;
  private readonly now: () => Date;

  constructor(private readonly opts: AutosaverOptions) {
    this.timers = opts.timers ?? defaultTimers;
    this.now = opts.now ?? (() => new Date());
  }

  get current(): AutosaveState {
    return this.state;
  }

  /** The user changed something: save `delay` ms after the last change. */
  touch(): void {
    if (this.disposed) return;
    if (this.state.status === 'stale') {
      this.set({ dirty: true });
      return;
    }
    this.set({ dirty: true, status: this.inFlight ? 'saving' : 'pending' });
    this.schedule();
  }

  /** Save now when there are unsaved changes (before submitting); resolves true when everything is saved. */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    if (this.inFlight) await this.inFlight;
    if (this.isStale()) return false;
    if (this.state.dirty) await this.run();
    return !this.state.dirty && !this.isStale();
  }

  /** After a stale refusal: the version was refreshed, start saving again (the unsaved changes too). */
  resume(): void {
    if (this.disposed) return;
    this.set({ status: this.state.dirty ? 'pending' : 'idle', error: null });
    if (this.state.dirty) this.schedule();
  }

  /** Forget unsaved changes (the form was reset to the server's version). */
  discard(): void {
    this.cancelTimer();
    this.set({ status: 'idle', error: null, dirty: false });
  }

  dispose(): void {
    this.cancelTimer();
    this.disposed = true;
  }

  /** Read through a method: the state changes across the awaits above, which narrowing does not see. */
  private isStale(): boolean {
    return this.state.status === 'stale';
  }

  private schedule(ms = this.opts.delay): void {
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (!this.state.dirty || this.state.status === 'stale' || this.disposed) return Promise.resolve();
    this.set({ status: 'saving', dirty: false, error: null });
    const p = this.opts.save().then(
      () => {
        this.inFlight = null;
        if (this.disposed) return;
        this.set({ savedAt: this.now(), status: this.state.dirty ? 'pending' : 'saved' });
        if (this.state.dirty) this.schedule();
      },
      (e: unknown) => {
        this.inFlight = null;
        if (this.disposed) return;
        const stale = this.opts.isStale(e);
        this.set({ dirty: true, error: e, status: stale ? 'stale' : 'error' });
        const retry = stale ? null : (this.opts.retryAfter?.(e) ?? null);
        if (retry !== null) this.schedule(retry);
      },
    );
    this.inFlight = p;
    return p;
  }

  private set(patch: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...patch };
    this.opts.onState(this.state);
  }
}
