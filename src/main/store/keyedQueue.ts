/**
 * Runs async tasks one after another per key (tasks under different keys run
 * side by side). A failed task does not stop the ones queued after it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();
  /** While set, tasks queued wait for it too (see hold). */
  private gate: Promise<void> | null = null;

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const gate = this.gate;
    const result = (gate ? Promise.all([previous, gate]) : previous).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /**
   * Holds every task queued from now on until `release` is called, and
   * resolves once the tasks queued before have finished: the holder has the
   * files to itself (a sync replacing them) and nothing queued is lost.
   */
  async hold(): Promise<() => void> {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const before = [...this.tails.values()];
    const outer = this.gate;
    this.gate = outer ? Promise.all([outer, gate]).then(() => undefined) : gate;
    await Promise.all(before);
    return () => {
      release();
      if (this.gate === gate) this.gate = null;
    };
  }

  /** Whether a task under `key` is queued or running (nor held: see hold). */
  busy(key: string): boolean {
    return this.gate !== null || this.tails.has(key);
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
