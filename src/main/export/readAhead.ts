/**
 * Maps items through an async reader with a few reads in flight at once,
 * yielding the results in the items' order. Streamed exports use it so the
 * disk is kept busy while memory holds only `window` results at a time.
 */
export async function* readAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>, window = 16): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < window && next < items.length) {
      const promise = read(items[next++]!);
      // Kept from counting as unhandled until its turn comes; awaited (and thrown) in order below.
      promise.catch(() => undefined);
      pending.push(promise);
    }
  };
  fill();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}
