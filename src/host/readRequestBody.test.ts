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

const QUARTER_MIB = 256 * 1024;

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

  it('lets other requests have a turn while a large body that has all arrived is read, after every 256 KiB of it', async () => {
    // 12 MB in socket reads of 64 KiB, all waiting at once (a fast client): without giving way, the event
    // loop handled the whole batch before any other request (a health check) was looked at.
    const chunk = Buffer.alloc(64 * 1024, 97);
    const count = 192;
    const stream = new Readable({ read() {} }) as unknown as IncomingMessage;
    for (let i = 0; i < count; i++) (stream as unknown as Readable).push(chunk);
    (stream as unknown as Readable).push(null);
    stream.headers = { 'content-length': String(count * chunk.length) };
    let read = 0;
    stream.on('data', (c: Buffer) => (read += c.length));
    const readBetweenTurns: number[] = [];
    let last = 0;
    let reading = true;
    const turn = (): void => {
      readBetweenTurns.push(read - last);
      last = read;
      if (reading) setImmediate(turn);
    };
    setImmediate(turn);
    const bytes = await readRequestBody(stream, 64 * 1024 * 1024);
    reading = false;
    expect(bytes.length).toBe(count * chunk.length);
    // Other work ran some 48 times during the read, and never waited for more than 256 KiB (+ one read) of it.
    expect(readBetweenTurns.length).toBeGreaterThanOrEqual((count * chunk.length) / QUARTER_MIB - 1);
    expect(Math.max(...readBetweenTurns)).toBeLessThanOrEqual(QUARTER_MIB + chunk.length);
  });

  it('waits for what it is told to give way to before reading on, each 256 KiB', async () => {
    const chunk = Buffer.alloc(64 * 1024, 98);
    const stream = new Readable({ read() {} }) as unknown as IncomingMessage;
    for (let i = 0; i < 16; i++) (stream as unknown as Readable).push(chunk);
    (stream as unknown as Readable).push(null);
    stream.headers = {};
    let read = 0;
    stream.on('data', (c: Buffer) => (read += c.length));
    let release = (): void => undefined;
    const asked: number[] = [];
    const giveWay = (): Promise<void> => {
      asked.push(read);
      return new Promise((resolve) => (release = resolve));
    };
    let finished = false;
    const reading = readRequestBody(stream, 64 * 1024 * 1024, giveWay).then((bytes) => ((finished = true), bytes));
    // Held at the first 256 KiB for as long as the other work is not done…
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual([QUARTER_MIB]);
    expect(read).toBeLessThanOrEqual(QUARTER_MIB + chunk.length);
    expect(finished).toBe(false);
    // …then on, a quarter at a time.
    for (let step = 2; !finished && step < 10; step++) {
      release();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(finished).toBe(true);
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect((await reading).length).toBe(16 * chunk.length);
  });
});
