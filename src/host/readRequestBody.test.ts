import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readRequestBody } from './readRequestBody';

/** A request whose body comes in the given chunks, with the given Content-Length (none when undefined). */
function request(chunks: Buffer[], contentLength?: number): IncomingMessage {
  const stream = Readable.from(chunks, { objectMode: false }) as unknown as IncomingMessage;
  stream.headers = contentLength === undefined ? {} : { 'content-length': String(contentLength) };
  return stream;
}

const chunksOf = (bytes: Buffer, size: number): Buffer[] => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('readRequestBody', () => {
  const body = Buffer.from(Array.from({ length: 300_000 }, (_, i) => String.fromCharCode(65 + (i % 26))).join(''));

  it('gives the body whole, in a buffer of its own, whether announced, unannounced (chunked) or announced too short', async () => {
    for (const announced of [body.length, undefined, 10]) {
      const bytes = await readRequestBody(request(chunksOf(body, 16_384), announced), 1_000_000);
      expect(Buffer.from(bytes).equals(body)).toBe(true);
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(body.length);
    }
  });

  it('refuses a body past the limit, announced or not', async () => {
    await expect(readRequestBody(request(chunksOf(body, 16_384), body.length), 100_000)).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(readRequestBody(request(chunksOf(body, 16_384)), 100_000)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('gives an empty body as no bytes', async () => {
    expect((await readRequestBody(request([]), 100)).length).toBe(0);
  });
});
