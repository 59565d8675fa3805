/** The HTTP status the browser host answers a failed call with, by error code. */
import type { ApiErrorCode } from '../shared/contract/apiError';

const STATUS: Readonly<Record<ApiErrorCode, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  unknown_method: 404,
  corrupt_data: 500,
  internal: 500,
};

export function httpStatusFor(code: ApiErrorCode): number {
  return STATUS[code];
}
