/**
 * Answers GET/HEAD for the built renderer: files inside the renderer folder
 * only, with their Content-Type and the host's security headers; 404 for
 * anything else, including paths that try to leave the folder.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor } from '../main/rendererFiles/contentTypeFor';
import { resolveStaticPath } from '../main/rendererFiles/resolveStaticPath';
import { SECURITY_HEADERS } from './securityHeaders';

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

export async function serveStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  rendererDir: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  const file = await resolveStaticPath(rendererDir, pathname);
  if (file === null) {
    sendText(response, 404, 'Not found.');
    return;
  }
  const { size } = await stat(file);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(size),
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
