/**
 * Worker thread entry (built to out/main/importWorker.js): reads imported
 * files into article drafts (readArticleFile: the Markdown, HTML and batch
 * parsers), and JSON (readJsonPayload: the host's large request bodies, the
 * W3C and project files the CLI imports), and looks for the quotes of
 * annotations that name no article in the library's texts (findQuotes), off
 * the core's event loop, and checks the library's large data files
 * (checkFile: a 12 MB text's first read, the health check; see
 * largeFileChecks). Takes one request at a time
 * (`kind: 'article' | 'json' | 'findQuotes' | 'checkFile'`, see
 * createArticleFileReader) and answers each with `{ id, result }`; a JSON
 * value's long arrays go first, a slice a message (`{ id, piece }`, see
 * transferInPieces). Started and bounded (memory, time per request) by
 * createArticleFileReader; a parser that runs out of stack answers that the
 * file is too deeply nested.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { findQuotes, prepareDrafts, readArticleFileData, type ImportWorkerRequest } from './createArticleFileReader';
import { readJsonPayload } from './readJsonPayload';
import { checkDataFileBytes } from '../store/largeFileChecks';
import { putTogether, takeApart, type ValuePiece } from './transferInPieces';

/** Pieces of requests still to come, by request id. */
const pending = new Map<number, ValuePiece[]>();

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: ImportWorkerRequest) => {
    if (request.kind === 'piece') {
      pending.set(request.id, [...(pending.get(request.id) ?? []), request.piece]);
      return;
    }
    void answer(request, port);
  });
  // Its code is loaded: the time limit of the first request runs from here.
  port.postMessage({ ready: true });
}

async function answer(request: ImportWorkerRequest, port: MessagePort): Promise<void> {
  try {
    if (request.kind === 'piece') return;
    // The parts sent before it (a long base64 text, a search's texts and quotes) go into their places.
    putTogether(request, pending.get(request.id) ?? []);
    pending.delete(request.id);
    if (request.kind === 'findQuotes') {
      const found = findQuotes({ texts: request.search.texts.map(([id, parts]) => [id, parts.join('')]), quotes: request.search.quotes });
      if (!found.ok) {
        port.postMessage({ id: request.id, result: found });
        return;
      }
      const { skeleton, pieces } = takeApart(found.value);
      for (const piece of pieces) port.postMessage({ id: request.id, piece });
      port.postMessage({ id: request.id, result: { ok: true, value: skeleton } });
      return;
    }
    if (request.kind === 'checkFile') {
      const checked = checkDataFileBytes(request.relPath, request.bytes, request.against, request.withValue);
      if (checked.problem !== null) {
        port.postMessage({ id: request.id, result: { ok: true, value: checked } });
        return;
      }
      // A 12 MB text goes back a part a message (see transferInPieces).
      const { skeleton, pieces } = takeApart(checked);
      for (const piece of pieces) port.postMessage({ id: request.id, piece });
      port.postMessage({ id: request.id, result: { ok: true, value: skeleton } });
      return;
    }
    if (request.kind === 'json') {
      const read = readJsonPayload(request.bytes, request.purpose, request.memoryLimitMb);
      if (!read.ok) {
        port.postMessage({ id: request.id, result: read });
        return;
      }
      const { skeleton, pieces } = takeApart(read.value);
      for (const piece of pieces) port.postMessage({ id: request.id, piece });
      port.postMessage({ id: request.id, result: { ok: true, value: skeleton } });
      return;
    }
    // The drafts' texts (12 MB, say) go a part a message, as a JSON value's long arrays and strings do.
    const { skeleton, pieces } = takeApart(prepareDrafts(await readArticleFileData(request.name, request.file, request)));
    for (const piece of pieces) port.postMessage({ id: request.id, piece });
    port.postMessage({ id: request.id, result: skeleton });
  } catch (error) {
    const reason =
      error instanceof RangeError && /call stack/i.test(error.message)
        ? 'it is too deeply nested to read (the parser ran out of stack); nothing was read'
        : `it could not be read: ${error instanceof Error ? error.message : String(error)}`;
    port.postMessage({ id: request.id, result: { ok: false, reason } });
  }
}
