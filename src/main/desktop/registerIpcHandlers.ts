/**
 * The contract over Electron IPC: one `ipcMain.handle` per method on its
 * `ipcChannel`. Each call is refused unless it comes from a trusted sender
 * (the app's own page), validated by the contract's schema via `dispatch`,
 * and answered with an envelope, never a thrown error (errors do not cross
 * IPC intact).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError } from '../../shared/contract/apiError';
import { type TriangulateApi } from '../../shared/contract/contract';
import { ipcChannel, methodNames } from '../../shared/contract/methodNames';
import { dispatch } from '../../shared/contract/dispatch';
import { errorEnvelope, okEnvelope, type ApiEnvelope } from '../../shared/contract/apiEnvelope';

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: TriangulateApi,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiEnvelope> => {
      if (!isTrustedSender(event)) {
        return errorEnvelope(new ApiError('unauthorized', 'Only Triangulate’s own window may use its data.'));
      }
      try {
        return okEnvelope(await dispatch(api, method, input));
      } catch (error) {
        return errorEnvelope(error);
      }
    });
  }
}
