/**
 * The calls of the contract in flight, which background work of the core
 * (the start's check of the counts, its scans for stale temporary files and
 * orphan texts) gives way to: between its steps it waits until no call is in
 * flight, so a search or an open made right after a start runs as on an idle
 * core. It waits at most `maxWaitMs` a step: background work is slowed by a
 * long call (an import), never stopped by it. The steps themselves are short
 * (a few ms: counts.json read a thousand lines at a time, folders listed a
 * few hundred names at a time), so a call that arrives meanwhile waits at
 * most one of them.
 */
export class ForegroundGate {
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private closed = false;

  /**
   * The core is closing: background work no longer waits for its turn (close finishes it), and nothing waits
   * on the timers here, which keep no process alive (a command's process would end inside close).
   */
  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  /** Runs one call of the contract, counted as in flight until it settles. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await call();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.wakeAll();
    }
  }

  /** Resolves when no call is in flight (at once if none is, or once closed), or after `maxWaitMs`. */
  idle(maxWaitMs = 1_000): Promise<void> {
    if (this.inFlight === 0 || this.closed) return Promise.resolve();
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

  private wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}
