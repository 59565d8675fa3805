import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/contract/apiError';
import { type MethodName, type TriangulateApi } from '../shared/contract/contract';
import { methodNames } from '../shared/contract/methodNames';
import type { ArticleSummary } from '../shared/model/model';
import { CONTENT_SECURITY_POLICY } from '../main/rendererFiles/contentSecurityPolicy';
import { createHostServer } from './createHostServer';

const TOKEN = 'test-token-0123456789';
const SUMMARY: ArticleSummary = {
  id: 'a1',
  title: 'First article',
  date: '2022-05-23',
  outlet: 'Example Times',
  author: null,
  counts: { claim: 2 },
};

function fakeApi(): TriangulateApi {
  const notUsed = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    ...(Object.fromEntries(methodNames.map((method) => [method, notUsed])) as Record<MethodName, typeof notUsed>),
    listArticles: async () => [SUMMARY],
    getArticle: async ({ id }) => {
      throw new ApiError('not_found', `No article with id "${id}".`);
    },
  };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

let server: Server;
let port: number;
let base: string;

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    // The server may answer (413) and close before the whole body is written.
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const callApi = (method: string, body: string, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Triangulate-Token': TOKEN, ...headers },
    body,
  });

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'triangulate-host-'));
  const rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Triangulate</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'link.txt'));
  server = createHostServer({ api: fakeApi(), rendererDir, token: TOKEN, maxBodyBytes: 1024 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

describe('browser host API', () => {
  it('answers a valid call with the value in an ok envelope', async () => {
    const reply = await callApi('listArticles', '{}');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.json()).toEqual({ ok: true, value: [SUMMARY] });
  });

  it('refuses a call without the token', async () => {
    const reply = await send('/api/listArticles', { method: 'POST', body: '{}' });
    expect(reply.status).toBe(401);
    expect(reply.json().error?.code).toBe('unauthorized');
  });

  it('refuses a call with a wrong token', async () => {
    const reply = await callApi('listArticles', '{}', { 'X-Triangulate-Token': `${TOKEN}x` });
    expect(reply.status).toBe(401);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const reply = await callApi('listArticles', '{}', { Host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
    expect(reply.json().ok).toBe(false);
  });

  it('refuses a request from another origin even with the right token', async () => {
    const reply = await callApi('listArticles', '{}', { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('accepts its own origin under localhost', async () => {
    const reply = await callApi('listArticles', '{}', { Host: `localhost:${port}`, Origin: `http://localhost:${port}` });
    expect(reply.status).toBe(200);
  });

  it('refuses a body over the limit with 413', async () => {
    const reply = await callApi('listArticles', JSON.stringify({ pad: 'x'.repeat(2048) }));
    expect(reply.status).toBe(413);
    expect(reply.json().error?.message).toMatch(/too large/);
  });

  it('answers malformed JSON with 400 and says so', async () => {
    const reply = await callApi('listArticles', '{"oops":');
    expect(reply.status).toBe(400);
    expect(reply.json().error).toMatchObject({ code: 'invalid_input' });
    expect(reply.json().error?.message).toMatch(/not valid JSON/);
  });

  it('answers an input the schema rejects with 400 and the reason', async () => {
    const reply = await callApi('getArticle', JSON.stringify({ id: '../../etc/passwd' }));
    expect(reply.status).toBe(400);
    const error = reply.json().error;
    expect(error?.code).toBe('invalid_input');
    expect(error?.message).toMatch(/letters, digits/);
  });

  it('answers an unknown method with 404', async () => {
    const reply = await callApi('dropAllTables', '{}');
    expect(reply.status).toBe(404);
    expect(reply.json().error?.code).toBe('unknown_method');
  });

  it('passes the api’s own errors through with their status', async () => {
    const reply = await callApi('getArticle', JSON.stringify({ id: 'missing' }));
    expect(reply.status).toBe(404);
    expect(reply.json().error).toEqual({ code: 'not_found', message: 'No article with id "missing".' });
  });

  it('accepts only POST for the API', async () => {
    const reply = await send('/api/listArticles', { headers: { 'X-Triangulate-Token': TOKEN } });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });
});

describe('browser host static files', () => {
  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>Triangulate</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves scripts with a JavaScript content type and no token', async () => {
    const reply = await send('/assets/app.js?v=1');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
    expect(reply.text).toBe('console.log("app");');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%5csecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/link.txt',
    '//secret.txt',
    '/index.html%00.js',
  ])('never serves anything outside the renderer folder: %s', async (path) => {
    const reply = await send(path);
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('outside the renderer');
  });

  it('does not list directories', async () => {
    const reply = await send('/assets/');
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('app.js');
  });

  it('answers a missing file with 404', async () => {
    expect((await send('/nope.js')).status).toBe(404);
  });

  it('refuses static requests addressed to another host name too', async () => {
    const reply = await send('/', { headers: { Host: 'rebound.example' } });
    expect(reply.status).toBe(403);
  });
});

describe('browser host refusals change nothing', () => {
  // A server of its own whose api records every call that reaches it.
  const calls: string[] = [];
  let guarded: Server;
  let guardedPort: number;

  function recordingApi(): TriangulateApi {
    return Object.fromEntries(
      methodNames.map((method) => [
        method,
        async () => {
          calls.push(method);
          return [];
        },
      ]),
    ) as unknown as TriangulateApi;
  }

  beforeAll(async () => {
    guarded = createHostServer({ api: recordingApi(), rendererDir: base, token: TOKEN, maxBodyBytes: 1024 });
    await new Promise<void>((resolve) => guarded.listen(0, '127.0.0.1', resolve));
    guardedPort = (guarded.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => guarded.close(resolve));
  });

  const CREATE = JSON.stringify({ articleId: 'a1', tagId: 'claim', start: 0, end: 5 });

  function post(headers: Record<string, string>, body = CREATE, path = '/api/createAnnotation'): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: guardedPort, path, method: 'POST', headers: { Host: `127.0.0.1:${guardedPort}`, ...headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A raw HTTP/1.0 request with no Host header at all (node's client always adds one). */
  function postWithoutHost(): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(guardedPort, '127.0.0.1', () => {
        socket.end(
          `POST /api/createAnnotation HTTP/1.0\r\nX-Triangulate-Token: ${TOKEN}\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${Buffer.byteLength(CREATE)}\r\n\r\n${CREATE}`,
        );
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text.split('\r\n', 1)[0] ?? ''));
      socket.on('error', reject);
    });
  }

  const valid = { 'Content-Type': 'application/json', 'X-Triangulate-Token': TOKEN };

  it.each([
    ['no token', { 'Content-Type': 'application/json' }, 401],
    ['an empty token', { ...valid, 'X-Triangulate-Token': '' }, 401],
    ['a wrong token of the same length', { ...valid, 'X-Triangulate-Token': TOKEN.replace(/.$/, 'X') }, 401],
    ['another port in Host', { ...valid, Host: '127.0.0.1:1' }, 403],
    ['another host name in Host', { ...valid, Host: 'attacker.example' }, 403],
    ['the loopback name with another port', { ...valid, Host: 'localhost:80' }, 403],
    ['a foreign Origin', { ...valid, Origin: 'http://attacker.example' }, 403],
    ['Origin null (a sandboxed frame or a file:// page)', { ...valid, Origin: 'null' }, 403],
    ['its own address over https', { ...valid, Origin: 'https://127.0.0.1' }, 403],
  ])('refuses a call with %s before it reaches the api', async (_case, headers, status) => {
    calls.length = 0;
    expect(await post(headers as Record<string, string>)).toBe(status);
    expect(calls).toEqual([]);
  });

  it('takes the token only from its header, not from the query string', async () => {
    calls.length = 0;
    expect(await post({ 'Content-Type': 'application/json' }, CREATE, `/api/createAnnotation?token=${TOKEN}`)).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a request without a Host header', async () => {
    calls.length = 0;
    expect(await postWithoutHost()).toMatch(/^HTTP\/1\.[01] 403 /);
    expect(calls).toEqual([]);
  });

  it('refuses a body whose announced length is over the limit, before reading it', async () => {
    calls.length = 0;
    const body = JSON.stringify({ articleId: 'a1', tagId: 'claim', start: 0, end: 5, note: 'x'.repeat(2048) });
    expect(await post({ ...valid, 'Content-Length': String(Buffer.byteLength(body)) }, body)).toBe(413);
    expect(calls).toEqual([]);
  });

  it('lets a good call through (so the refusals above are the guard’s doing)', async () => {
    calls.length = 0;
    expect(await post(valid)).toBe(200);
    expect(calls).toEqual(['createAnnotation']);
  });
});

describe('browser host: an import’s body and the other calls', () => {
  /** A host whose getDataHealth is answered when the test says; its events in order. */
  async function hostWithHeldHealth(importBodyWaitMs: number) {
    const events: string[] = [];
    let releaseHealth = (): void => undefined;
    const api: TriangulateApi = {
      ...fakeApi(),
      getDataHealth: async () => {
        events.push('health asked');
        await new Promise<void>((resolve) => (releaseHealth = resolve));
        events.push('health answered');
        return { damaged: [], latestBackup: null };
      },
    };
    const host = createHostServer({
      api,
      rendererDir: base,
      token: TOKEN,
      importBodyWaitMs,
      callWithLargeBody: async (method, bytes) => {
        events.push(`${method} body read (${bytes.length} bytes)`);
        return { value: { imported: [], failures: [] } };
      },
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const hostPort = (host.address() as AddressInfo).port;
    const post = (method: string, body: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: hostPort,
            path: `/api/${method}`,
            method: 'POST',
            headers: { Host: `127.0.0.1:${hostPort}`, 'Content-Type': 'application/json', 'X-Triangulate-Token': TOKEN },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const close = async () => {
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    };
    return { events, post, release: () => releaseHealth(), close };
  }
  // 1.5 MB: six quarters of 256 KiB.
  const body = JSON.stringify({ files: [{ name: 'long.txt', data: Buffer.alloc(1_100_000, 120).toString('base64') }] });
  const until = async (done: () => boolean, ms: number) => {
    for (const end = Date.now() + ms; !done() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 5));
  };

  it('reads an import’s body only once the calls already in flight are answered (a health check during an upload)', async () => {
    const host = await hostWithHeldHealth(60_000);
    try {
      const health = host.post('getDataHealth', '{}');
      await until(() => host.events.includes('health asked'), 5_000);
      const importing = host.post('importArticles', body);
      // Unheld, the body is read in well under this.
      await until(() => host.events.length > 1, 700);
      expect(host.events).toEqual(['health asked']);
      host.release();
      expect(await health).toBe(200);
      expect(await importing).toBe(200);
      expect(host.events).toEqual(['health asked', 'health answered', `importArticles body read (${body.length} bytes)`]);
    } finally {
      await host.close();
    }
  });

  it('lets a call that takes long slow an import’s body, not stop it', async () => {
    const host = await hostWithHeldHealth(20);
    try {
      const health = host.post('getDataHealth', '{}');
      await until(() => host.events.includes('health asked'), 5_000);
      expect(await host.post('importArticles', body)).toBe(200);
      expect(host.events).toEqual(['health asked', `importArticles body read (${body.length} bytes)`]);
      host.release();
      expect(await health).toBe(200);
    } finally {
      await host.close();
    }
  });
});
