/**
 * The contract over IPC at the desktop window's start, as the browser host
 * serves it over HTTP (startHeadFirst, shared by both): the library head,
 * read once, answers the page's first window of the list at once, and the
 * data folder opens at the page's first call the head cannot answer, or
 * HEAD_FIRST_OPEN_DELAY_MS after `ready` (the window is loading), with the
 * head handed to it. Without a head the folder opens at once. Imports of
 * whole files that arrive as bytes open the folder and go to its core
 * (ipcBodyOptions).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { TriangulateApi } from '../../shared/contract/contract';
import type { Core } from '../core/createCore';
import { startHeadFirst, type StartedFolder } from '../core/startHeadFirst';
import type { ArticleFileReader } from '../import/createArticleFileReader';
import type { LibraryHead } from '../store/libraryHead';
import { ipcBodyOptions } from './ipcBodyOptions';
import { registerIpcHandlers } from './registerIpcHandlers';

/** The core, or what stands for it (the recovery API): closed when the app quits. */
export type DesktopApi = TriangulateApi & { close(): Promise<void> } & Partial<Pick<Core, 'importW3CBytes' | 'importArticlesBytes'>>;

export interface DesktopApiOptions {
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** Reads the bytes of a call's input off this thread (the import worker). */
  reader: Pick<ArticleFileReader, 'readJson'>;
  openDelayMs?: number;
}

export async function startDesktopApi<A extends DesktopApi>(
  ipcMain: Pick<IpcMain, 'handle'>,
  dataDir: string,
  openCore: (head: LibraryHead | null) => Promise<A>,
  options: DesktopApiOptions,
): Promise<StartedFolder<A>> {
  const folder = await startHeadFirst(dataDir, openCore, { openDelayMs: options.openDelayMs });
  registerIpcHandlers(ipcMain, folder.api, options.isTrustedSender, ipcBodyOptions(folder.open, options.reader));
  return folder;
}
