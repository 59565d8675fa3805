/**
 * The calls of the contract in flight, which background work of the core
 * (the start's check of every article's counts, minutes of small steps at
 * 100,000 articles) gives way to: between its steps it waits until no call
 * is in flight, so a search or an open made right after a start runs as on
 * an idle core. It waits at most `maxWaitMs` a step: background work is
 * slowed by a long call (an import), never stopped by it.
 *
 * Calls come in bursts with short gaps (a page asks for its first window, then
 * loads its modules and asks for the rest): a long step (at 100,000 articles
 * the start's reading of counts.json holds the thread ~0.4 s) can also ask to
 * wait until no call has ended for `quietMs` (START_QUIET_MS), so it does not
 * take the thread in such a gap. That wait is bounded too (`QUIET_CAP_MS`), so
 * calls without pause (a screen polling for the counts) delay it, never stop it.
 */
/** How long no call must have ended before the start's long background steps take the thread. */
export const START_QUIET_MS = 500;
/**
 * The longest one of the start's one-off heavy steps (reading counts.json, listing texts/ and
 * annotations/ at 100,000 articles) waits for the calls in flight: a first search on a loaded
 * machine can take over a second, and the step would otherwise share its CPU (issue 20).
 */
export const START_STEP_WAIT_MS = 3_000;
/** The longest a step waits for such a quiet moment. */
const QUIET_CAP_MS = 1_500;

export class ForegroundGate {
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  /** When the last call ended (performance.now()); none yet: -Infinity. */
  private lastEnded = Number.NEGATIVE_INFINITY;

  /**
   * Counts as a call that has just ended (the core's start): background work that asks for a quiet
   * moment waits for the first calls (a page's first window, a search made at once) to pass.
   */
  settled(): void {
    this.lastEnded = performance.now();
  }

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
   * Resolves when no call is in flight (at once if none is), or after `maxWaitMs`; with `quietMs`, also not
   * before no call has ended for that long (waiting `QUIET_CAP_MS` at most in all).
   */
  async idle(maxWaitMs = 1_000, quietMs = 0): Promise<void> {
    const asked = performance.now();
    for (;;) {
      await this.noneInFlight(maxWaitMs);
      const quietFor = performance.now() - this.lastEnded;
      const left = QUIET_CAP_MS - (performance.now() - asked);
      if (quietFor >= quietMs || left <= 0) return;
      await unrefDelay(Math.min(quietMs - quietFor, left));
      if (this.inFlight === 0 && performance.now() - this.lastEnded >= quietMs) return;
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
