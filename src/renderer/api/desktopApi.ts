/**
 * The contract over the desktop app's preload bridge (`window.triangulate`):
 * unwraps each envelope into the value or the ApiError it carries.
 */
import { ApiError } from '../../shared/contract/apiError';
import { apiFromCall } from '../../shared/contract/apiFromCall';
import type { TriangulateApi } from '../../shared/contract/contract';
import type { DesktopBridge } from './desktopBridge';
import { unwrapEnvelope } from './unwrapEnvelope';

export function createDesktopApi(bridge: DesktopBridge): TriangulateApi {
  return apiFromCall(async (method, input) => {
    let envelope: unknown;
    try {
      envelope = await bridge[method](input ?? {});
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiError('internal', `The desktop app did not answer ${method}: ${detail}`);
    }
    return unwrapEnvelope(envelope, method);
  });
}
