/**
 * Test support: a file reader whose W3C imports are planned from their bytes
 * as the import worker plans them (planW3CImportFromBytes), in this thread,
 * with what crosses to the worker and back copied as a message would copy it
 * (structuredClone). A core opened with it has importW3CBytes, the path the
 * host takes for a large importW3C body, without building the worker.
 */
import { createArticleFileReader, IMPORT_MEMORY_LIMIT_MB, type ArticleFileReader } from '../../src/main/import/createArticleFileReader';
import { planW3CImportFromBytes } from '../../src/main/import/planW3CImportFromBytes';

export function inProcessW3CPlanner(): ArticleFileReader {
  return {
    ...createArticleFileReader({ workerFile: null }),
    planW3CImport: async (bytes, purpose, library, answer, options) =>
      structuredClone(
        await planW3CImportFromBytes(
          bytes.slice(),
          purpose,
          IMPORT_MEMORY_LIMIT_MB,
          structuredClone(library),
          async (question) => structuredClone(await answer(structuredClone(question))),
          structuredClone(options),
        ),
      ),
  };
}
