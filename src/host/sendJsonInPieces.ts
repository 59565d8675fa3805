/**
 * sendJson for a large answer (an import's report of 30,000 problem lines,
 * 4 MB of JSON): the same bytes, but written as its long arrays are
 * serialised a slice at a time, other calls answered between slices, so
 * that the answer is never stringified, measured and encoded in one task of
 * the event loop.
 */
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './securityHeaders';

/** Arrays longer than this are serialised this many items at a time. */
export const SLICE_ITEMS = 1_000;

export async function sendJsonInPieces(response: ServerResponse, status: number, body: unknown, sliceItems = SLICE_ITEMS): Promise<void> {
  const parts: Buffer[] = [];
  for await (const text of jsonParts(body, sliceItems)) parts.push(Buffer.from(text, 'utf8'));
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(parts.reduce((sum, part) => sum + part.length, 0)),
    'Cache-Control': 'no-store',
  });
  for (const part of parts) response.write(part);
  response.end();
}

/** The JSON text of `value` (as JSON.stringify writes it), in parts; a pause after each slice of a long array. */
export async function* jsonParts(value: unknown, sliceItems = SLICE_ITEMS): AsyncGenerator<string> {
  if (Array.isArray(value) && value.length > sliceItems) {
    yield '[';
    for (let at = 0; at < value.length; at += sliceItems) {
      // A slice stringified as an array (undefined and functions become null, as in the whole), without its brackets.
      yield `${at > 0 ? ',' : ''}${JSON.stringify(value.slice(at, at + sliceItems)).slice(1, -1)}`;
      await new Promise((resolve) => setImmediate(resolve));
    }
    yield ']';
    return;
  }
  if (!isPlainObject(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // Left out as JSON.stringify leaves them out.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonParts(item, sliceItems);
  }
  yield '}';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  // One with its own toJSON is written as JSON.stringify writes it.
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
