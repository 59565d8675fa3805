/**
 * Worker thread entry (built to out/main/quotesWorker.js): answers each
 * `{ type: 'batch', id, dataDir, refs }` with the batch's quote cache lines
 * (`{ type: 'lines', id, lines }`) or the reason it failed (`{ type:
 * 'failed', id, message }`). The texts are read here, from the data folder,
 * so they never travel between threads. Started by detectMissingQuotes.
 */
import { parentPort } from 'node:worker_threads';
import { detectQuoteLines } from './detectQuoteLines';
import type { FromQuotesWorker, ToQuotesWorker } from './detectMissingQuotes';

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: ToQuotesWorker) => {
    detectQuoteLines(message.dataDir, message.refs).then(
      (lines) => port.postMessage({ type: 'lines', id: message.id, lines } satisfies FromQuotesWorker),
      (error: unknown) => port.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) } satisfies FromQuotesWorker),
    );
  });
}
