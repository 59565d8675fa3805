/**
 * The contract before the core behind it is open: each call waits for `ready`
 * and then goes to the core it resolves to (or fails with its error). The
 * host listens, and the page loads, while the data folder is still opening.
 */
import { apiFromCall } from '../shared/contract/apiFromCall';
import type { MethodName, TriangulateApi } from '../shared/contract/contract';

export function deferredApi(ready: Promise<TriangulateApi>): TriangulateApi {
  return apiFromCall(async (method, input) => {
    const core = (await ready) as unknown as Record<MethodName, (input: unknown) => Promise<unknown>>;
    return core[method](input);
  });
}
