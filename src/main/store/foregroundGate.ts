/**
 * The calls of the contract in flight, which background work of the core
 * (the start's check of every article's counts, minutes of small steps at
 * 100,000 articles) gives way to: between its steps it waits until no call
 * is in flight, so a search or an open made right after a start runs as on
 * an idle core. It waits at most `maxWaitMs` a step: background work is
 * slowed by a long call (an import), never stopped by it.
 *
 * Calls come in bursts with short gaps (a page asks for its first window, then
 * loads its modules and asks for the rest): background work also waits until
 * no call has ended for `quietMs`, so it does not take the thread in such a gap
 * (at 100,000 articles the start's first step, reading counts.json, holds it
 * ~0.4 s). That wait too is bounded (`QUIET_CAP_MS` a step), so a researcher
 * working without pause slows the background work but never stops it.
 */
/** How long no call must have ended before background work takes its step. */
const QUIET_MS = 500;
/** The longest a step waits for such a quiet moment. */
const QUIET_CAP_MS = 5_000;

export class ForegroundGate {
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  /** When the last call ended (performance.now()); none yet: -Infinity. */
  private lastEnded = Number.NEGATIVE_INFINITY;

  constructor(private readonly quietMs = QUIET_MS) {}

  /** Runs one call of the contract, counted as in flight until it settles. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await call();
    } finally {
      this.inFlight--;
      this.lastEnded = performance.now();
      if (this.inFlight === 0) {
        const waiting = this.waiters;
        this.waiters = [];
        for (const wake of waiting) wake();
      }
    }
  }

  /**
   * Resolves when no call is in flight and none has ended for `quietMs` (at once if so), after waiting at most
   * `maxWaitMs` for calls in flight and `QUIET_CAP_MS` in all.
   */
  async idle(maxWaitMs = 1_000): Promise<void> {
    const asked = performance.now();
    for (;;) {
      await this.noneInFlight(maxWaitMs);
      const quietFor = performance.now() - this.lastEnded;
      const left = QUIET_CAP_MS - (performance.now() - asked);
      if (quietFor >= this.quietMs || left <= 0) return;
      await unrefDelay(Math.min(this.quietMs - quietFor, left));
      if (this.inFlight === 0 && performance.now() - this.lastEnded >= this.quietMs) return;
      if (performance.now() - asked >= QUIET_CAP_MS) return;
    }
  }

  /** Resolves when no call is in flight (at once if none is), or after `maxWaitMs`. */
  private noneInFlight(maxWaitMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, maxWaitMs);
      // Background work waiting its turn does not keep the process alive.
      timer.unref();
      this.waiters.push(wake);
    });
  }
}

/** A pause that does not keep the process alive (background work waiting its turn). */
function unrefDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
