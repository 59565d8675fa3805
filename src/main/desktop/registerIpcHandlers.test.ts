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
});
