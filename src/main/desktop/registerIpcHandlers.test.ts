import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/apiError';
import { type MethodName, type TriangulateApi } from '../../shared/contract/contract';
import { ipcChannel, methodNames } from '../../shared/contract/methodNames';
import { isAppSender } from './isAppSender';
import { registerIpcHandlers } from './registerIpcHandlers';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
  } as unknown as Pick<IpcMain, 'handle'>;
  return { ipcMain, handlers };
}

const eventFrom = (url: string | null) =>
  ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;

function fakeApi(calls: string[]): TriangulateApi {
  const unused = async (): Promise<never> => {
    throw new Error('unused');
  };
  return {
    ...(Object.fromEntries(methodNames.map((method) => [method, unused])) as Record<MethodName, typeof unused>),
    listArticles: async () => {
      calls.push('listArticles');
      return [];
    },
    getArticle: async ({ id }) => {
      calls.push('getArticle');
      throw new ApiError('not_found', `There is no article with id "${id}".`);
    },
  };
}

function setUp() {
  const { ipcMain, handlers } = fakeIpcMain();
  const calls: string[] = [];
  registerIpcHandlers(ipcMain, fakeApi(calls), isAppSender);
  const call = (method: string, input: unknown, from: string | null = 'app://triangulate/index.html') => {
    const handler = handlers.get(`triangulate:${method}`);
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(eventFrom(from), input);
  };
  return { handlers, calls, call };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per contract method on its channel', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
  });

  it('answers a call from the app’s page with an ok envelope', async () => {
    const { call } = setUp();
    await expect(call('listArticles', {})).resolves.toEqual({ ok: true, value: [] });
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a local file', 'file:///tmp/page.html'],
    ['the browser host', 'http://127.0.0.1:5399/'],
    ['a frame that is gone', null],
  ])('refuses a call from %s without calling the core', async (_what, url) => {
    const { call, calls } = setUp();
    await expect(call('listArticles', {}, url)).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(calls).toEqual([]);
  });

  it('answers an invalid payload with an invalid_input envelope naming the problem', async () => {
    const { call, calls } = setUp();
    const answer = (await call('getArticle', { id: 'a/../../b' })) as { ok: boolean; error: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.message).toMatch(/getArticle/);
    expect(calls).toEqual([]);
  });

  it('passes the core’s own errors back as envelopes, not exceptions', async () => {
    const { call } = setUp();
    await expect(call('getArticle', { id: 'missing' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no article with id "missing".' },
    });
  });

  describe('the imports of whole files, sent as the bytes of their JSON', () => {
    const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const collection = { type: 'AnnotationCollection', items: [] };

    function setUpBodies(bodies: Parameters<typeof registerIpcHandlers>[3]) {
      const { ipcMain, handlers } = fakeIpcMain();
      const calls: unknown[] = [];
      const api = { ...fakeApi([]), importW3C: async (input: unknown) => (calls.push(input), { annotationsImported: 0 }) } as unknown as TriangulateApi;
      registerIpcHandlers(ipcMain, api, isAppSender, bodies);
      const call = (method: string, input: unknown, from = 'app://triangulate/index.html') => handlers.get(`triangulate:${method}`)!(eventFrom(from), input);
      return { call, calls };
    }

    it('hands importW3C\'s bytes to callWithBytes (the import worker\'s plan) and never parses or dispatches them here', async () => {
      const seen: [string, number][] = [];
      const { call, calls } = setUpBodies({
        callWithBytes: async (method, bytes) => (seen.push([method, bytes.length]), { value: { planned: true } }),
        parseBytes: async () => {
          throw new Error('parsed on the main thread');
        },
      });
      const bytes = bytesOf({ collection });
      await expect(call('importW3C', bytes)).resolves.toEqual({ ok: true, value: { planned: true } });
      expect(seen).toEqual([['importW3C', bytes.length]]);
      expect(calls).toEqual([]);
    });

    it('parses them with parseBytes when callWithBytes does not answer (the recovery API), then validates and dispatches them', async () => {
      const parsed: number[] = [];
      const { call, calls } = setUpBodies({
        callWithBytes: async () => undefined,
        parseBytes: async (bytes) => (parsed.push(bytes.length), { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) as unknown }),
      });
      await expect(call('importW3C', bytesOf({ collection }))).resolves.toMatchObject({ ok: true });
      expect(parsed).toHaveLength(1);
      expect(calls).toEqual([{ collection }]);
      await expect(call('importW3C', bytesOf({ collection, dryRun: 'yes' }))).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/importW3C/) } });
    });

    it('refuses bytes nested too deeply before parsing them, and bytes from another page without reading them', async () => {
      const { call, calls } = setUpBodies({});
      const deep = new TextEncoder().encode(`{"collection":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
      await expect(call('importW3C', deep)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^The request body was refused: .*nested/) } });
      await expect(call('importW3C', bytesOf({ collection }), 'https://evil.example/')).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(calls).toEqual([]);
    });

    it('takes bytes only for the imports of whole files: another method given bytes is refused by its schema', async () => {
      const { call } = setUpBodies({ callWithBytes: async () => ({ value: 'wrong' }) });
      await expect(call('getArticle', bytesOf({ id: 'a1' }))).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });
  });
});
