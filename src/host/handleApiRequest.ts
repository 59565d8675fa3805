/**
 * Answers `POST /api/<method>`: checks the access token, reads the JSON body
 * (size-capped; nested no deeper than MAX_JSON_NESTING; a large body — an
 * import's files — parsed by `parseLargeBody`, the import worker, so that
 * the event loop keeps answering other calls meanwhile), hands it to the
 * contract's dispatcher (which validates it with the method's zod schema)
 * and writes the envelope with a fitting status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../shared/contract/apiError';
import type { TriangulateApi } from '../shared/contract/contract';
import { dispatch } from '../shared/contract/dispatch';
import { errorEnvelope, okEnvelope } from '../shared/contract/apiEnvelope';
import { httpStatusFor } from './httpStatusFor';
import { bodyLimitFor, IMPORT_METHODS } from './bodyLimitFor';
import { BodyTooLargeError, readRequestBody } from './readRequestBody';
import { sendJson } from './sendJson';
import { sendJsonInPieces } from './sendJsonInPieces';
import { tokensEqual } from './tokensEqual';
import { readJsonPayload, type JsonPayloadRead } from '../main/import/readJsonPayload';

export const TOKEN_HEADER = 'x-triangulate-token';

export interface ApiRequestOptions {
  api: TriangulateApi;
  token: string;
  maxBodyBytes: number;
  /** The larger cap of the methods that carry whole files (see bodyLimitFor.ts). */
  maxImportBodyBytes: number;
  onInternalError?: (error: unknown) => void;
  /** Parses a body of LARGE_BODY_BYTES or more off the event loop (the host: the import worker); default in-process. */
  parseLargeBody?: (bytes: Uint8Array) => Promise<JsonPayloadRead>;
  /**
   * Answers a call with a large body from its bytes, validation included (the host: importW3C, planned whole
   * in the import worker, so the collection is never parsed on this thread); undefined to parse and dispatch it here.
   */
  callWithLargeBody?: (methodName: string, bytes: Uint8Array) => Promise<{ value: unknown } | undefined>;
  /**
   * What the body of an import method (IMPORT_METHODS) waits for each 256 KiB as it arrives (the host: the
   * other calls in flight answered, see createHostServer); other bodies only let the event loop turn.
   */
  importBodyGivesWay?: () => Promise<void>;
}

/** Bodies at least this large are parsed by `parseLargeBody`: smaller ones parse in well under a millisecond. */
export const LARGE_BODY_BYTES = 256 * 1024;

function fail(response: ServerResponse, status: number, error: ApiError, headers: Record<string, string> = {}): void {
  sendJson(response, status, errorEnvelope(error), headers);
}

export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  methodName: string,
  options: ApiRequestOptions,
): Promise<void> {
  if (request.method !== 'POST') {
    request.resume();
    fail(response, 405, new ApiError('invalid_input', `Use POST for /api/${methodName}.`), { Allow: 'POST' });
    return;
  }
  const presented = request.headers[TOKEN_HEADER];
  if (!tokensEqual(typeof presented === 'string' ? presented : undefined, options.token)) {
    request.resume();
    fail(
      response,
      401,
      new ApiError(
        'unauthorized',
        'This page may not use the Triangulate host: open the exact link it printed when it started (it ends in #token=…).',
      ),
    );
    return;
  }

  let body: Uint8Array;
  const limit = bodyLimitFor(methodName, options);
  try {
    body = await readRequestBody(request, limit, IMPORT_METHODS.has(methodName) ? options.importBodyGivesWay : undefined);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      fail(response, 413, new ApiError('invalid_input', `The request is too large: the limit is ${limit} bytes.`), {
        Connection: 'close',
      });
    } else {
      fail(response, 400, new ApiError('invalid_input', 'The request body could not be read.'));
    }
    return;
  }

  if (body.length >= LARGE_BODY_BYTES && options.callWithLargeBody) {
    try {
      const answered = await options.callWithLargeBody(methodName, body);
      if (answered) {
        // An import's report may hold 30,000 problem lines: written a slice at a time.
        await sendJsonInPieces(response, 200, okEnvelope(answered.value));
        return;
      }
    } catch (error) {
      sendError(response, error, options);
      return;
    }
  }

  // No body at all means no input (fine for methods that take none).
  const parsed =
    body.length >= LARGE_BODY_BYTES && options.parseLargeBody ? await options.parseLargeBody(body) : readJsonPayload(body, 'body');
  if (!parsed.ok) {
    // Where it went wrong, or which limit it hit; never what the body said.
    const message = parsed.reason.startsWith('The request body') ? parsed.reason : `The request body was refused: ${parsed.reason}.`;
    fail(response, 400, new ApiError('invalid_input', message));
    return;
  }
  const payload = parsed.value;

  try {
    const value = await dispatch(options.api, methodName, payload);
    sendJson(response, 200, okEnvelope(value));
  } catch (error) {
    sendError(response, error, options);
  }
}

function sendError(response: ServerResponse, error: unknown, options: ApiRequestOptions): void {
  const envelope = errorEnvelope(error);
  if (envelope.error.code === 'internal') options.onInternalError?.(error);
  sendJson(response, httpStatusFor(envelope.error.code), envelope);
}
