/**
 * How the desktop glue answers the imports of whole files that arrive over
 * IPC as the bytes of their JSON (see registerIpcHandlers), as the browser
 * host answers large bodies: importW3C planned whole in the core's import
 * worker (importW3CBytes), importArticles read there into its files' bytes
 * (importArticlesBytes); anything else (the recovery API has neither) parsed
 * by `reader` (the import worker) before it is dispatched. `open` resolves to
 * the data folder's API, opening it if the library head alone has answered
 * so far (see startDesktopApi).
 */
import type { Core } from '../core/createCore';
import type { ArticleFileReader } from '../import/createArticleFileReader';
import type { IpcBodyOptions } from './registerIpcHandlers';

export function ipcBodyOptions(
  open: () => Promise<object & Partial<Pick<Core, 'importW3CBytes' | 'importArticlesBytes'>>>,
  reader: Pick<ArticleFileReader, 'readJson'>,
): IpcBodyOptions {
  return {
    callWithBytes: async (method, bytes) => {
      if (method !== 'importW3C' && method !== 'importArticles') return undefined;
      const api = await open();
      if (method === 'importW3C' && api.importW3CBytes) return { value: await api.importW3CBytes(bytes, 'body') };
      if (method === 'importArticles' && api.importArticlesBytes) return { value: await api.importArticlesBytes(bytes) };
      return undefined;
    },
    parseBytes: (bytes) => reader.readJson(bytes, 'body'),
  };
}
