/**
 * The single entry point both transports (Electron IPC and the HTTP host)
 * call: looks the method up in the contract, validates the payload with its
 * zod schema, calls the API and makes sure whatever fails comes out as an
 * ApiError with a clear message.
 */
import { ApiError, apiErrorFrom } from './apiError';
import { contract, type TriangulateApi } from './contract';
import { isMethodName } from './methodNames';
import { formatZodIssues } from './formatZodIssues';

export async function dispatch(api: TriangulateApi, method: string, payload: unknown): Promise<unknown> {
  if (!isMethodName(method)) {
    throw new ApiError('unknown_method', `Unknown method "${method}".`);
  }
  // Calls without arguments may arrive with no payload at all.
  const parsed = contract[method].input.safeParse(payload === undefined ? {} : payload);
  if (!parsed.success) {
    throw new ApiError('invalid_input', `Invalid input for ${method}: ${formatZodIssues(parsed.error)}`);
  }
  const call = api[method] as (input: unknown) => Promise<unknown>;
  try {
    return await call.call(api, parsed.data);
  } catch (error) {
    throw asApiError(error);
  }
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // An ApiError from another copy of the module (a separate bundle) keeps its code.
  if (error instanceof Error && error.name === 'ApiError' && 'code' in error) {
    return apiErrorFrom({ code: error.code, message: error.message });
  }
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}
