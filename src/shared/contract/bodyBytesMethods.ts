/**
 * The calls whose input may be a whole imported file (a W3C collection of
 * 30,000 annotations, a 16 MB article's base64): over Electron IPC their
 * input crosses as the bytes of its JSON, as over HTTP, so that the main
 * process hands them to its import worker (read, checked and planned there)
 * and never deserialises the value on its own thread.
 */
import type { MethodName } from './contract';

export const BODY_BYTES_METHODS: readonly MethodName[] = ['importW3C', 'importArticles'];

export function sendsBodyBytes(method: string): boolean {
  return (BODY_BYTES_METHODS as readonly string[]).includes(method);
}
