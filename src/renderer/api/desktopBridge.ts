/**
 * What the desktop app's preload exposes as `window.triangulate`: one
 * function per contract method, resolving to an envelope rather than
 * throwing (errors do not cross Electron's context bridge intact).
 * Absent when the UI runs in a browser against the local host.
 */
import type { ApiErrorPayload } from '../../shared/contract/apiError';
import type { MethodName } from '../../shared/contract/contract';

export type ApiEnvelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload };

export type DesktopBridge = Readonly<Record<MethodName, (input: unknown) => Promise<ApiEnvelope>>>;

declare global {
  interface Window {
    triangulate?: DesktopBridge;
  }
}
