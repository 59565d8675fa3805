import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract/contract';
import { methodNames } from '../../shared/contract/methodNames';
import { DEFAULT_CODEBOOK, type Article } from '../../shared/model/model';
import { DataStore } from '../store/dataStore';
import { HEAD_REVISION, type LibraryHead } from '../store/libraryHead';
import { textHash } from '../store/textHash';
import { startDesktopApi, type DesktopApi } from './startDesktopApi';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-desktop-start-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function article(n: number): Article {
  const text = `Text number ${n}.`;
  return { id: `a${n}`, title: `Title ${n}`, date: '2024-05-01', outlet: 'AP', hash: textHash(text), length: text.length, origin: null, author: null, url: null, language: null, note: '', text };
}

/** A library opened and closed once, so the next start finds its head. */
async function libraryWithHead(): Promise<void> {
  await (await DataStore.create(dir, { articles: [article(1), article(2)], codebook: DEFAULT_CODEBOOK, settings: { creator: 'ana' } })).close();
  await (await DataStore.open(dir))!.close();
}

const FIRST_WINDOW = { offset: 0, limit: 100, sort: 'library', direction: 'asc', filter: '', outlet: null, from: null, to: null, annotated: 'any' } as const;

/** The core, faked: what it was asked, and the head it was opened with. */
function fakeCore() {
  const calls: string[] = [];
  const opened: (LibraryHead | null)[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('unused');
  };
  const core = {
    ...(Object.fromEntries(methodNames.map((method) => [method, unused])) as Record<MethodName, typeof unused>),
    getCodebook: async () => (calls.push('getCodebook'), DEFAULT_CODEBOOK),
    listArticlesWindow: async (input: unknown) => (calls.push(`listArticlesWindow ${JSON.stringify(input)}`), { revision: 'core' }),
    importArticlesBytes: async (bytes: Uint8Array) => (calls.push(`importArticlesBytes ${bytes.length}`), { imported: [] }),
    close: async () => undefined,
  } as unknown as DesktopApi;
  return { calls, opened, open: async (head: LibraryHead | null) => (opened.push(head), core) };
}

async function start(openDelayMs = 60_000) {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as unknown as Pick<IpcMain, 'handle'>;
  const core = fakeCore();
  const reader = { readJson: async () => ({ ok: false as const, reason: 'not read here' }) };
  const folder = await startDesktopApi(ipcMain, dir, core.open, { isTrustedSender: () => true, reader, openDelayMs });
  const call = (method: MethodName, input: unknown) => handlers.get(`triangulate:${method}`)!({} as IpcMainInvokeEvent, input);
  return { folder, core, call };
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startDesktopApi', () => {
  it('answers the window’s first library window over IPC from the head before the folder opens; the next call opens it, with the head handed over', async () => {
    await libraryWithHead();
    const { folder, core, call } = await start();
    const answer = (await call('listArticlesWindow', FIRST_WINDOW)) as { ok: true; value: { revision: string; rows: { id: string }[]; total: number } };
    expect(answer.ok).toBe(true);
    expect(answer.value.revision).toBe(HEAD_REVISION);
    expect(answer.value.rows.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(answer.value.total).toBe(2);
    expect(core.opened).toEqual([]);

    expect(await call('getCodebook', {})).toEqual({ ok: true, value: DEFAULT_CODEBOOK });
    expect(core.opened).toEqual([folder.head]);
    expect(folder.head).not.toBeNull();
    expect(await call('listArticlesWindow', FIRST_WINDOW)).toEqual({ ok: true, value: { revision: 'core' } });
  });

  it('an import of whole files arriving as bytes opens the folder and goes to its core', async () => {
    await libraryWithHead();
    const { core, call } = await start();
    expect(await call('importArticles', new Uint8Array(5))).toEqual({ ok: true, value: { imported: [] } });
    expect(core.calls).toEqual(['importArticlesBytes 5']);
  });

  it('once the window is loading, the folder opens a little later and makes its first window; without a head it opens at once', async () => {
    await libraryWithHead();
    const later = await start(10);
    later.folder.ready();
    expect(later.core.opened).toEqual([]);
    await tick(60);
    expect(later.core.opened).toHaveLength(1);
    expect(later.core.calls).toEqual(['listArticlesWindow {"offset":0,"limit":1}']);

    await fs.rm(join(dir, 'derived'), { recursive: true });
    const first = await start();
    expect(first.folder.head).toBeNull();
    expect(first.core.opened).toEqual([null]);
    expect(((await first.call('listArticlesWindow', FIRST_WINDOW)) as { value: { revision: string } }).value.revision).toBe('core');
  });
});
