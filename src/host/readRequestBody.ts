/**
 * Reads a request body up to a size limit. Rejects with BodyTooLargeError as
 * soon as the limit is passed (or announced by Content-Length), without
 * buffering the rest.
 *
 * A large body gives way to the other requests as it arrives: after every
 * BODY_BYTES_PER_TURN bytes the request is paused until the event loop's next
 * turn and then until `giveWay` resolves (the host: until the other calls in
 * flight have been answered, see createHostServer). A socket's readable data
 * is otherwise handled up to 32 reads of 64 KiB at a time (libuv's batch): 2 MB
 * copied in one go, and a 12 MB upload became six such stretches in a row,
 * each one turn of the loop that a health request (about twenty turns: its
 * file checks) waited for; the copying is mostly page faults of the new
 * buffer, ~40 CPU-ms for 12 MB, on this thread whatever the slicing.
 */
import type { IncomingMessage } from 'node:http';

/** At most this much of a body is handled before the other requests get a turn (four socket reads). */
export const BODY_BYTES_PER_TURN = 256 * 1024;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body's bytes, in a buffer of their own (so it can be handed to a worker without a copy). `giveWay` is
 * waited for (after a turn of the event loop) each BODY_BYTES_PER_TURN bytes.
 */
export function readRequestBody(request: IncomingMessage, limit: number, giveWay: () => Promise<void> = async () => undefined): Promise<Uint8Array> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      request.resume();
      reject(new BodyTooLargeError(limit));
      return;
    }
    // Each chunk is copied into place as it comes (a 16 MB body copied at its end held the event loop for
    // one long task); the buffer is the size Content-Length announced, grown if a body is longer.
    let bytes = new Uint8Array(Number.isInteger(declared) && declared > 0 ? declared : 0);
    let size = 0;
    let done = false;
    /** Bytes handled since the event loop last had a turn. */
    let sinceTurn = 0;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length > limit) {
        done = true;
        request.resume();
        reject(new BodyTooLargeError(limit));
        return;
      }
      if (size + chunk.length > bytes.length) {
        const grown = new Uint8Array(Math.min(limit, Math.max(size + chunk.length, 2 * bytes.length, 64 * 1024)));
        grown.set(bytes.subarray(0, size));
        bytes = grown;
      }
      bytes.set(chunk, size);
      size += chunk.length;
      sinceTurn += chunk.length;
      if (sinceTurn >= BODY_BYTES_PER_TURN) {
        // Paused, the socket stops being read (the rest waits in the kernel) until the others have had their turn.
        sinceTurn = 0;
        request.pause();
        void nextTurn()
          .then(giveWay)
          .catch(() => undefined)
          .then(() => {
            if (!done) request.resume();
          });
      }
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      // In a buffer of its own: a copy only when the body was shorter than announced or grown.
      resolveBody(size === bytes.length ? bytes : bytes.slice(0, size));
    });
    request.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}
