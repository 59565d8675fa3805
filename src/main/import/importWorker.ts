/**
 * Worker thread entry (built to out/main/importWorker.js): reads imported
 * files into article drafts (readArticleFile: the Markdown, HTML and batch
 * parsers) off the core's event loop. Takes `{ id, name, file, checkNesting }`
 * messages (`file`: bytes or base64 text) one at a time and answers each with `{ id, result }`. Started and
 * bounded (memory, time per file) by createArticleFileReader; a parser that
 * runs out of stack answers that the file is too deeply nested.
 */
import { parentPort } from 'node:worker_threads';
import { readArticleFile } from './readArticleFile';
import { fileBytes, type ImportWorkerReply, type ImportWorkerRequest } from './createArticleFileReader';

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: ImportWorkerRequest) => {
    void answer(request).then((reply) => port.postMessage(reply));
  });
}

async function answer(request: ImportWorkerRequest): Promise<ImportWorkerReply> {
  try {
    return { id: request.id, result: await readArticleFile(request.name, fileBytes(request.file), { checkNesting: request.checkNesting, wholePage: request.wholePage }) };
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { id: request.id, result: { ok: false, reason: 'it is too deeply nested to read (the parser ran out of stack); nothing was read' } };
    }
    return { id: request.id, result: { ok: false, reason: `it could not be read: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
