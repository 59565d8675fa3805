/**
 * The one error type every contract call can fail with. Transports carry it as
 * `{ error: { code, message } }` and rebuild it on the other side, so the UI
 * shows the same clear message whichever transport it runs on.
 */
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'unknown_method'
  | 'corrupt_data'
  | 'unauthorized'
  | 'internal';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }

  toJSON(): { code: ApiErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
}

const CODES: readonly ApiErrorCode[] = [
  'invalid_input',
  'not_found',
  'unknown_method',
  'corrupt_data',
  'unauthorized',
  'internal',
];

/** Rebuilds an ApiError from whatever a transport received. */
export function apiErrorFrom(payload: unknown): ApiError {
  if (payload && typeof payload === 'object') {
    const p = payload as Record<string, unknown>;
    const code = CODES.includes(p.code as ApiErrorCode) ? (p.code as ApiErrorCode) : 'internal';
    const message = typeof p.message === 'string' ? p.message : 'Unknown error';
    return new ApiError(code, message);
  }
  return new ApiError('internal', String(payload));
}
