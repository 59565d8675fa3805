/**
 * The contract over the desktop app's preload bridge (`window.triangulate`):
 * unwraps each envelope into the value or the ApiError it carries.
 */
import { ApiError } from '../../shared/apiError';
import type { MethodName, TriangulateApi } from '../../shared/contract';
import { methodNames } from '../../shared/methodNames';
import type { DesktopBridge } from './desktopBridge';
import { unwrapEnvelope } from './unwrapEnvelope';

export function createDesktopApi(bridge: DesktopBridge): TriangulateApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    api[method] = async (input: unknown) => {
      let envelope: unknown;
      try {
        envelope = await bridge[method](input ?? {});
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new ApiError('internal', `The desktop app did not answer ${method}: ${detail}`);
      }
      return unwrapEnvelope(envelope, method);
    };
  }
  return api as TriangulateApi;
}
