/**
 * Serves the built renderer to the desktop window from the privileged
 * `app://triangulate/` scheme (a real origin, unlike file://), with the same
 * path confinement, content types and Content-Security-Policy as the browser
 * host. `registerAppScheme` must run before the app is ready,
 * `handleAppProtocol` after.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../rendererFiles/contentSecurityPolicy';
import { contentTypeFor } from '../rendererFiles/contentTypeFor';
import { resolveStaticPath } from '../rendererFiles/resolveStaticPath';
import { APP_HOST, APP_SCHEME } from './appUrl';

export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

const notFound = (): Response =>
  new Response('Not found.', { status: 404, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed.', { status: 405, headers: { ...BASE_HEADERS, Allow: 'GET, HEAD' } });
    }
    const file = await resolveStaticPath(rendererDir, url.pathname);
    if (file === null) return notFound();
    const body = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...BASE_HEADERS, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' },
    });
  };
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
