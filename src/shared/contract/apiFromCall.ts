/**
 * The contract as an object of methods that all go through one function
 * (a transport: HTTP, the preload bridge, a core still opening), given the
 * method's name and its input. No schemas are loaded (see methodNames).
 */
import type { MethodName, TriangulateApi } from './contract';
import { methodNames } from './methodNames';

export function apiFromCall(call: (method: MethodName, input: unknown) => Promise<unknown>): TriangulateApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of methodNames) api[method] = (input: unknown) => call(method, input);
  return api as TriangulateApi;
}
