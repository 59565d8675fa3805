/**
 * The contract over Electron IPC: one `ipcMain.handle` per method on its
 * `ipcChannel`. Each call is refused unless it comes from a trusted sender
 * (the app's own page), validated by the contract's schema via `dispatch`,
 * and answered with an envelope, never a thrown error (errors do not cross
 * IPC intact). The imports of whole files (BODY_BYTES_METHODS) arrive as the
 * bytes of their JSON, as an HTTP body does: `callWithBytes` answers them
 * from the bytes (the core's import worker reads, checks and plans them), or
 * `parseBytes` reads them off this thread before they are dispatched.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError } from '../../shared/contract/apiError';
import { type TriangulateApi } from '../../shared/contract/contract';
import { ipcChannel, methodNames } from '../../shared/contract/methodNames';
import { dispatch } from '../../shared/contract/dispatch';
import { errorEnvelope, okEnvelope, type ApiEnvelope } from '../../shared/contract/apiEnvelope';
import { sendsBodyBytes } from '../../shared/contract/bodyBytesMethods';
import { readJsonPayload, type JsonPayloadRead } from '../import/readJsonPayload';

export interface IpcBodyOptions {
  /** Answers a call from the bytes of its input, validation included (importW3CBytes, importArticlesBytes); undefined to parse and dispatch it. */
  callWithBytes?: (method: string, bytes: Uint8Array) => Promise<{ value: unknown } | undefined>;
  /** Reads the bytes of an input off this thread (the import worker); default in-process. */
  parseBytes?: (bytes: Uint8Array) => Promise<JsonPayloadRead>;
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: TriangulateApi,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  bodies: IpcBodyOptions = {},
): void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiEnvelope> => {
      if (!isTrustedSender(event)) {
        return errorEnvelope(new ApiError('unauthorized', 'Only Triangulate’s own window may use its data.'));
      }
      try {
        if (input instanceof Uint8Array && sendsBodyBytes(method)) {
          const answered = await bodies.callWithBytes?.(method, input);
          if (answered) return okEnvelope(answered.value);
          const read = bodies.parseBytes ? await bodies.parseBytes(input) : readJsonPayload(input, 'body');
          if (!read.ok) {
            const message = read.reason.startsWith('The request body') ? read.reason : `The request body was refused: ${read.reason}.`;
            return errorEnvelope(new ApiError('invalid_input', message));
          }
          input = read.value;
        }
        return okEnvelope(await dispatch(api, method, input));
      } catch (error) {
        return errorEnvelope(error);
      }
    });
  }
}
