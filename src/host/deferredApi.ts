/**
 * The contract before the core behind it is open: each call waits for `ready`
 * and then goes to the core it resolves to (or fails with its error). The
 * host listens, and the page loads, while the data folder is still opening.
 */
import type { MethodName, TriangulateApi } from '../shared/contract';
import { methodNames } from '../shared/methodNames';

export function deferredApi(ready: Promise<TriangulateApi>): TriangulateApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    api[method] = async (input: unknown) => {
      const core = (await ready) as unknown as Record<MethodName, (input: unknown) => Promise<unknown>>;
      return core[method](input);
    };
  }
  return api as TriangulateApi;
}
