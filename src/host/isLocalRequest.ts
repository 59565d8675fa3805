/**
 * Guards the host against DNS rebinding and cross-site requests: the Host
 * header must name the loopback address or `localhost` on the host's own port,
 * and an Origin header, when the browser sends one, must be the host itself.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type LocalRequestVerdict = { ok: true } | { ok: false; message: string };

export function isLocalRequest(headers: IncomingHttpHeaders, port: number): LocalRequestVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = headers.host?.toLowerCase();
  if (!host || !allowedHosts.includes(host)) {
    return { ok: false, message: `Requests must be addressed to 127.0.0.1:${port} or localhost:${port}.` };
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { ok: false, message: 'Requests from other web pages are not accepted.' };
  }
  return { ok: true };
}
