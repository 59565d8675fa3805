/**
 * A process that opens the data folder given as its argument, asks for the library's first window and
 * closes it, printing "closed" once close() has returned: as a CLI command does, with nothing else
 * keeping the process alive (built by buildTestWorker and run with node by a test).
 */
import { createCore } from '../../src/main/core/createCore';

const core = await createCore({ dataDir: process.argv[2]!, corpusDir: process.argv[3]!, backups: false });
await core.listArticlesWindow({ offset: 0, limit: 10 });
await core.close();
console.log('closed');
