/**
 * Test support: awaits a promise that must reject with an ApiError and
 * returns that error, so a test can check its code and message.
 */
import { expect } from 'vitest';
import { ApiError } from '../../src/shared/contract/apiError';

export async function apiRejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
