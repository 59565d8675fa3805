/**
 * The browser host: the whole contract over HTTP on the loopback interface,
 * plus the built renderer as static files, so the same UI runs in any browser.
 *
 * - `POST /api/<method>` with the method's input as JSON, answered with the
 *   `{ ok, value | error }` envelope; needs the `X-Triangulate-Token` header.
 * - `GET /…` serves files from `rendererDir` (no token: they hold no data).
 * - Every request must be addressed to 127.0.0.1 or localhost on this port,
 *   and come from this origin when it says where it comes from.
 * - An import's body (up to 64 MiB) gives way to the other API calls as it
 *   arrives: each 256 KiB it waits until the calls in flight have been
 *   answered (IMPORT_BODY_WAIT_MS at most), so a health check asked during a
 *   12 MB upload is not answered in turns shared with the upload's copying.
 *
 * The caller binds it: `server.listen(port, '127.0.0.1')`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../shared/contract/apiError';
import type { TriangulateApi } from '../shared/contract/contract';
import { errorEnvelope } from '../shared/contract/apiEnvelope';
import { ForegroundGate } from '../main/store/foregroundGate';
import { DEFAULT_MAX_IMPORT_BODY_BYTES, IMPORT_METHODS } from './bodyLimitFor';
import { handleApiRequest, type ApiRequestOptions } from './handleApiRequest';
import { isLocalRequest } from './isLocalRequest';
import { sendJson } from './sendJson';
import { serveStaticFile } from './serveStaticFile';

export interface HostServerOptions {
  api: TriangulateApi;
  /** Folder of the built renderer (holds index.html). */
  rendererDir: string;
  /** Secret every API call must present in the X-Triangulate-Token header. */
  token: string;
  /** Largest accepted request body; 1 MiB unless given. */
  maxBodyBytes?: number;
  /** Largest body of the import methods (IMPORT_METHODS in bodyLimitFor.ts); 64 MiB unless given. */
  maxImportBodyBytes?: number;
  /** Told about errors that were not ApiErrors (bugs), for logging. */
  onInternalError?: (error: unknown) => void;
  /** Parses large request bodies off the event loop (serve.ts: the import worker); in-process unless given. */
  parseLargeBody?: ApiRequestOptions['parseLargeBody'];
  /** Answers a large body's call from its bytes (serve.ts: importW3C planned in the import worker). */
  callWithLargeBody?: ApiRequestOptions['callWithLargeBody'];
  /** The longest an import's body waits for the other calls at each 256 KiB; IMPORT_BODY_WAIT_MS unless given. */
  importBodyWaitMs?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The longest an import's body waits for the other calls at each 256 KiB (a long call slows an upload, never stops it). */
export const IMPORT_BODY_WAIT_MS = 50;

export function createHostServer(options: HostServerOptions): Server {
  if (options.token.length === 0) throw new Error('createHostServer needs a non-empty token');
  /** The API calls in flight other than imports: what an import's body gives way to. */
  const otherCalls = new ForegroundGate();
  const apiOptions = {
    api: options.api,
    token: options.token,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxImportBodyBytes: options.maxImportBodyBytes ?? DEFAULT_MAX_IMPORT_BODY_BYTES,
    onInternalError: options.onInternalError,
    parseLargeBody: options.parseLargeBody,
    callWithLargeBody: options.callWithLargeBody,
    importBodyGivesWay: () => otherCalls.idle(options.importBodyWaitMs ?? IMPORT_BODY_WAIT_MS),
  };

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo | null)?.port ?? 0;
    const verdict = isLocalRequest(request.headers, port);
    if (!verdict.ok) {
      request.resume();
      sendJson(response, 403, errorEnvelope(new ApiError('unauthorized', verdict.message)));
      return;
    }
    const path = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const answer = () => handleApiRequest(request, response, method, apiOptions);
      await (IMPORT_METHODS.has(method) ? answer() : otherCalls.run(answer));
      return;
    }
    await serveStaticFile(request, response, path, options.rendererDir);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      options.onInternalError?.(error);
      if (response.headersSent) response.destroy();
      else sendJson(response, 500, errorEnvelope(error));
    });
  });
  return server;
}
