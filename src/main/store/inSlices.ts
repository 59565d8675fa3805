/**
 * Long work over many items (200,000 files looked at, read or linked) done in
 * slices of about `sliceMs`, with a turn of the event loop between them, so
 * the calls that arrive meanwhile are answered within a slice, not after the
 * whole run. Background work (a backup) also passes `giveWay`, awaited
 * before every slice (the first too): the core's calls in flight go first (ForegroundGate.idle,
 * which waits a bounded time, so the work is slowed by a long call, never
 * stopped by it). Work done for a call itself (the health check) passes none:
 * it would wait for itself.
 */

export interface SliceOptions {
  /** The longest stretch of work between two turns, in ms (an item is never cut: a slow one ends its slice). */
  sliceMs: number;
  /** Awaited before every slice (after the turn of the event loop between two). */
  giveWay?: () => Promise<void>;
}

/**
 * `work` on every item in order, in slices; the results in the items' order. A promise `work` gives back is
 * waited for before the next item (its wait counts in the slice). `work` throwing (a backup stopped) ends it.
 */
export async function inSlices<T, R>(items: readonly T[], work: (item: T, index: number) => R | Promise<R>, options: SliceOptions): Promise<R[]> {
  const results = new Array<R>(items.length);
  let n = 0;
  while (n < items.length) {
    if (n > 0) await new Promise((resolve) => setImmediate(resolve));
    await options.giveWay?.();
    const until = performance.now() + options.sliceMs;
    do {
      const result = work(items[n]!, n);
      results[n] = result instanceof Promise ? await result : result;
      n++;
    } while (n < items.length && performance.now() < until);
  }
  return results;
}
