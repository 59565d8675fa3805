/**
 * The contract over the desktop app's preload bridge (`window.triangulate`):
 * unwraps each envelope into the value or the ApiError it carries. The
 * imports of whole files (BODY_BYTES_METHODS) send the bytes of their JSON,
 * as an HTTP body, for the main process's import worker to read.
 */
import { ApiError } from '../../shared/contract/apiError';
import { apiFromCall } from '../../shared/contract/apiFromCall';
import type { TriangulateApi } from '../../shared/contract/contract';
import type { DesktopBridge } from './desktopBridge';
import { unwrapEnvelope } from './unwrapEnvelope';
import { sendsBodyBytes } from '../../shared/contract/bodyBytesMethods';

export function createDesktopApi(bridge: DesktopBridge): TriangulateApi {
  return apiFromCall(async (method, input) => {
    let envelope: unknown;
    try {
      envelope = await bridge[method](sendsBodyBytes(method) ? new TextEncoder().encode(JSON.stringify(input ?? {})) : (input ?? {}));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiError('internal', `The desktop app did not answer ${method}: ${detail}`);
    }
    return unwrapEnvelope(envelope, method);
  });
}
