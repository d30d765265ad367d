// When to autosave: at most once every 10 s while there are changes, right away when the page is being left.
// The clock and timer are passed in so the rule can be tested without waiting.
export const AUTOSAVE_INTERVAL_MS = 10_000;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * `save(leaving)` does the saving and resolves true when the server took it. A change made while a save
 * runs is saved by the next one; a failed save keeps the changes pending for the next tick.
 */
export class AutosaveTimer {
  private readonly save: (leaving: boolean) => Promise<boolean>;
  private readonly clock: Clock;
  private readonly interval: number;
  private timer: unknown = null;
  private lastSave: number;
  private running: Promise<void> | null = null;
  private changes = 0;
  private stopped = false;

  /** `firstDelay`: the first autosave after opening comes this soon after the first change. */
  constructor(save: (leaving: boolean) => Promise<boolean>, clock: Clock = realClock, interval = AUTOSAVE_INTERVAL_MS, firstDelay = 2000) {
    this.save = save;
    this.clock = clock;
    this.interval = interval;
    this.lastSave = clock.now() - interval + firstDelay;
  }

  get pending(): boolean {
    return this.changes > 0;
  }

  changed(): void {
    if (this.stopped) return;
    this.changes++;
    this.schedule();
  }

  /** An explicit save happened: nothing is pending, and the next autosave waits a full interval. */
  saved(): void {
    this.changes = 0;
    this.lastSave = this.clock.now();
    this.cancel();
  }

  /** The page is being hidden or left: save now if anything is pending (the request outlives the page). */
  leave(): void {
    if (this.changes && !this.stopped) void this.run(true);
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.timer != null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer != null || this.running) return;
    const wait = Math.max(0, this.lastSave + this.interval - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.run(false);
    }, wait);
  }

  private async run(leaving: boolean): Promise<void> {
    if (this.running) return this.running;
    this.cancel();
    const taken = this.changes;
    this.running = (async () => {
      this.lastSave = this.clock.now();
      let ok = false;
      try {
        ok = await this.save(leaving);
      } catch {
        ok = false;
      }
      if (ok) this.changes -= taken;
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    if (this.changes && !this.stopped && !leaving) this.schedule();
  }
}
