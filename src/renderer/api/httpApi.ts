/**
 * The contract over HTTP, for the UI running in a browser against the local
 * host (`npm run serve`): one `POST /api/<method>` per call, with the
 * per-launch token in the X-Triangulate-Token header. Failures come back as
 * the same ApiErrors the desktop transport gives.
 */
import { ApiError } from '../../shared/contract/apiError';
import { apiFromCall } from '../../shared/contract/apiFromCall';
import type { TriangulateApi } from '../../shared/contract/contract';
import { unwrapEnvelope } from './unwrapEnvelope';

export interface HttpApiOptions {
  /** Where the host is, e.g. `http://127.0.0.1:5399` (the page's own origin). */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export function createHttpApi(options: HttpApiOptions): TriangulateApi {
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '');
  return apiFromCall(async (method, input) => {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Triangulate-Token': options.token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError(
        'internal',
        'Cannot reach the Triangulate host. Is it still running? Start it again with "npm run serve" and open the link it prints.',
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError('internal', `The Triangulate host answered ${method} with HTTP ${response.status} and no readable body.`);
    }
    return unwrapEnvelope(body, method);
  });
}
