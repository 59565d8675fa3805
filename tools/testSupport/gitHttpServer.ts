/**
 * Test support (not part of the app): a git server over HTTP on 127.0.0.1 —
 * `git http-backend` (git's own smart-HTTP CGI program) behind Node's http
 * server, asking for a token (HTTP Basic, user x-access-token). The product
 * never runs git; only tests that need a real HTTP remote start this, and
 * skip (saying why) where no git program is installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const hasGitProgram = spawnSync('git', ['--version']).status === 0;

export interface GitHttpServer {
  /** http://127.0.0.1:PORT (repositories are at `${base}/<name>.git`). */
  base: string;
  close(): Promise<void>;
}

/** Serves the repositories under `projectRoot`; a request without the token is answered 401. */
export async function startGitHttpServer(projectRoot: string, token: string): Promise<GitHttpServer> {
  const server: Server = createServer((req, res) => {
    const expected = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="team"' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const child = spawn('git', ['http-backend'], {
        env: {
          PATH: process.env.PATH,
          GIT_PROJECT_ROOT: projectRoot,
          GIT_HTTP_EXPORT_ALL: '1',
          PATH_INFO: url.pathname,
          QUERY_STRING: url.search.slice(1),
          REQUEST_METHOD: req.method ?? 'GET',
          CONTENT_TYPE: req.headers['content-type'] ?? '',
          CONTENT_LENGTH: String(body.length),
          HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
          REMOTE_USER: 'team',
          REMOTE_ADDR: '127.0.0.1',
        },
      });
      const out: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.on('close', () => {
        const all = Buffer.concat(out);
        const split = all.indexOf('\r\n\r\n');
        const head = all.subarray(0, split).toString('latin1').split('\r\n');
        let status = 200;
        const headers: Record<string, string> = {};
        for (const line of head) {
          const [name, ...rest] = line.split(':');
          const value = rest.join(':').trim();
          if (name!.toLowerCase() === 'status') status = Number.parseInt(value, 10);
          else if (name) headers[name] = value;
        }
        res.writeHead(status, headers).end(all.subarray(split + 4));
      });
      child.stdin.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
