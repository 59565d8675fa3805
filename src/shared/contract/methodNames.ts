/**
 * The contract's method names as a plain list, and their IPC channels:
 * what the transports (HTTP, the preload bridge, the IPC glue) need at run
 * time, without loading the contract's schemas (zod) — a sandboxed preload
 * cannot load packages, and the page's first script stays small. The
 * contract is checked against this list (`satisfies` in contract.ts), so the
 * compiler rejects a contract that misses or adds a method. This file imports
 * nothing: the contract depends on it, never the other way round.
 */
const METHODS = {
  listArticles: true,
  listArticlesWindow: true,
  libraryRevision: true,
  getArticle: true,
  getArticleVersions: true,
  getArticleVersionText: true,
  diffArticleVersions: true,
  getCodebook: true,
  listAnnotations: true,
  createAnnotation: true,
  updateAnnotation: true,
  deleteAnnotation: true,
  exportW3C: true,
  listSuggestions: true,
  decideSuggestions: true,
  alignArticles: true,
  startLibraryAlignment: true,
  getLibraryAlignmentStatus: true,
  cancelLibraryAlignment: true,
  listLibraryPassages: true,
  listGroups: true,
  createGroup: true,
  updateGroup: true,
  deleteGroup: true,
  acceptAlignment: true,
  listSourceLinks: true,
  linkSource: true,
  unlinkSource: true,
  getCoverage: true,
  getCopyMatrix: true,
  listEntities: true,
  getEntityQuotes: true,
  mergeEntities: true,
  renameEntity: true,
  setEntityKind: true,
  splitEntity: true,
  withdrawEntityCorrections: true,
  restoreEntityCorrections: true,
  importW3C: true,
  exportProject: true,
  exportCsv: true,
  exportQdpx: true,
  importProject: true,
  importQdpx: true,
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
  getCoder: true,
  setCoder: true,
  listCoders: true,
  computeAgreement: true,
  getAdjudication: true,
  settleDisagreement: true,
  getSyncStatus: true,
  syncNow: true,
  dismissSyncConflicts: true,
  linkSyncRemote: true,
  unlinkSyncRemote: true,
  getSyncConflicts: true,
  restoreSyncConflict: true,
  dismissSyncConflict: true,
} as const;

/** The name of one method of the contract. */
export type MethodName = keyof typeof METHODS;

export const methodNames = Object.keys(METHODS) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(METHODS, name);
}

/** IPC channel name for a method; the preload and the main glue share it. */
export function ipcChannel(method: MethodName): string {
  return `triangulate:${method}`;
}
