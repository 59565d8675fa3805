/**
 * The object the preload exposes to the renderer as `window.triangulate`:
 * one function per contract method, each sending its input over that
 * method's IPC channel and resolving to the main process's envelope
 * (`{ ok: true, value }` or `{ ok: false, error }`). Nothing else, and never
 * ipcRenderer itself.
 *
 * The method list is spelled out here rather than read from the contract at
 * run time: the contract pulls in zod, and a sandboxed preload cannot load
 * packages. `satisfies` makes the compiler reject a list that misses or adds
 * a method, and the test checks the channels against `ipcChannel`.
 */
import type { MethodName } from '../shared/contract';

const METHODS = {
  listArticles: true,
  getArticle: true,
  getCodebook: true,
  listAnnotations: true,
  createAnnotation: true,
  updateAnnotation: true,
  deleteAnnotation: true,
  exportW3C: true,
  listSuggestions: true,
  decideSuggestions: true,
  alignArticles: true,
  listGroups: true,
  createGroup: true,
  updateGroup: true,
  deleteGroup: true,
  acceptAlignment: true,
  listSourceLinks: true,
  linkSource: true,
  unlinkSource: true,
  getCoverage: true,
  importW3C: true,
  exportProject: true,
  exportCsv: true,
  importProject: true,
  importArticles: true,
  getDataHealth: true,
  restoreFromBackup: true,
  saveTag: true,
  reorderTags: true,
  deleteTag: true,
  importCodebook: true,
  updateArticle: true,
  getAnnotation: true,
  restoreAnnotations: true,
  searchCorpus: true,
  listAllAnnotations: true,
} as const satisfies Record<MethodName, true>;

/** Must equal `ipcChannel(method)` from the contract (checked by the test). */
const channelFor = (method: MethodName): string => `triangulate:${method}`;

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type DesktopBridge = Readonly<Record<MethodName, (input: unknown) => Promise<unknown>>>;

export function createBridge(invoke: Invoke): DesktopBridge {
  const bridge = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of Object.keys(METHODS) as MethodName[]) {
    const channel = channelFor(method);
    bridge[method] = (input: unknown) => invoke(channel, input);
  }
  return Object.freeze(bridge);
}
