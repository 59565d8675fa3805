/** True when an IPC call comes from a frame showing the app's own pages. */
import type { IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './appUrl';

export function isAppSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}
