/**
 * Worker thread entry (built to out/main/importWorker.js): reads imported
 * files into article drafts (readArticleFile: the Markdown, HTML and batch
 * parsers), and JSON (readJsonPayload: the host's large request bodies, the
 * W3C and project files the CLI imports), and looks for the quotes of
 * annotations that name no article in the library's texts (findQuotes), off
 * the core's event loop, and checks the library's large data files
 * (checkFile: a 12 MB text's first read, the health check; see
 * largeFileChecks), and plans whole W3C imports from their bytes
 * (w3cImport: see planW3CImportFromBytes; it asks the core for texts and
 * new ids, `{ id, ask }`, and gets an `answer`). Takes one request at a time
 * (`kind: 'article' | 'json' | 'findQuotes' | 'checkFile' | 'w3cImport' |
 * 'articlesBody'`: an importArticles body read into its files' bytes, see readArticlesBody; see
 * createArticleFileReader) and answers each with `{ id, result }`; a JSON
 * value's long arrays go first, a slice a message (`{ id, piece }`, see
 * transferInPieces). Started and bounded (memory, time per request) by
 * createArticleFileReader; a parser that runs out of stack answers that the
 * file is too deeply nested. Each kind's code is loaded when its first
 * request comes: a worker reading saved pages never loads the W3C, JSON,
 * quote-search or data-check code (nor the contract's schemas).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { ImportWorkerRequest } from './createArticleFileReader';
import { putTogether, takeApart, type ValuePiece } from './transferInPieces';
import type { W3CAnswer, W3CQuestion } from './planW3CImportFromBytes';

/** Pieces of requests (and of answers to questions) still to come, by request id. */
const pending = new Map<number, ValuePiece[]>();
/** Requests waiting for the core's answer to their question, by request id. */
const waitingForAnswers = new Map<number, (answer: unknown) => void>();

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: ImportWorkerRequest) => {
    if (request.kind === 'piece') {
      pending.set(request.id, [...(pending.get(request.id) ?? []), request.piece]);
      return;
    }
    if (request.kind === 'answer') {
      const answered = putTogether(request.answer, pending.get(request.id) ?? []);
      pending.delete(request.id);
      const resume = waitingForAnswers.get(request.id);
      waitingForAnswers.delete(request.id);
      resume?.(answered);
      return;
    }
    void answer(request, port);
  });
  // Its code is loaded: the time limit of the first request runs from here.
  port.postMessage({ ready: true });
}

async function answer(request: ImportWorkerRequest, port: MessagePort): Promise<void> {
  try {
    if (request.kind === 'piece' || request.kind === 'answer') return;
    // The parts sent before it (a long base64 text, a search's texts and quotes) go into their places.
    putTogether(request, pending.get(request.id) ?? []);
    pending.delete(request.id);
    if (request.kind === 'findQuotes') {
      const { findQuotes } = await import('./createArticleFileReader');
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
    if (request.kind === 'w3cImport') {
      const ask = (question: W3CQuestion) =>
        new Promise<W3CAnswer>((resolve) => {
          waitingForAnswers.set(request.id, resolve as (answer: unknown) => void);
          port.postMessage({ id: request.id, ask: question });
        });
      const { planW3CImportFromBytes } = await import('./planW3CImportFromBytes');
      const planned = await planW3CImportFromBytes(request.bytes, request.purpose, request.memoryLimitMb, request.library, ask, request.options);
      if (!planned.ok) {
        port.postMessage({ id: request.id, result: planned });
        return;
      }
      // 30,000 annotations or problem lines go back a slice a message.
      const { skeleton, pieces } = takeApart(planned.value);
      for (const piece of pieces) port.postMessage({ id: request.id, piece });
      port.postMessage({ id: request.id, result: { ok: true, value: skeleton } });
      return;
    }
    if (request.kind === 'articlesBody') {
      // The files' bytes go back handed over: the core never holds their base64 text.
      const { articlesBodyTransfer, readArticlesBody } = await import('./readArticlesBody');
      const read = readArticlesBody(request.bytes, request.memoryLimitMb);
      port.postMessage({ id: request.id, result: read }, articlesBodyTransfer(read));
      return;
    }
    if (request.kind === 'checkFile') {
      const { checkDataFileBytes } = await import('../store/largeFileChecks');
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
      const { readJsonPayload } = await import('./readJsonPayload');
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
    const { prepareDrafts, readArticleFileData } = await import('./readArticleFileData');
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
