/**
 * The envelope both transports (HTTP and Electron IPC) wrap every answer in:
 * `{ ok: true, value }` or `{ ok: false, error: { code, message } }`. Any
 * error that is not an ApiError becomes an `internal` one, so the other side
 * always gets a code and a readable message.
 */
import { ApiError, type ApiErrorPayload } from './apiError';

export type ApiEnvelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload };

export function okEnvelope(value: unknown): ApiEnvelope {
  return { ok: true, value };
}

export function errorEnvelope(error: unknown): { ok: false; error: ApiErrorPayload } {
  if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: `Internal error: ${detail}` } };
}
