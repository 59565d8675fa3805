import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MethodName, type TriangulateApi } from '../shared/contract/contract';
import { methodNames } from '../shared/contract/methodNames';
import { bodyLimitFor, DEFAULT_MAX_IMPORT_BODY_BYTES, IMPORT_METHODS } from './bodyLimitFor';
import { createHostServer } from './createHostServer';

const TOKEN = 'body-limit-token-0123456789';
let server: Server;
let port: number;
let base: string;
const received: number[] = [];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'triangulate-body-limit-'));
  writeFileSync(join(base, 'index.html'), '<!doctype html><title>Triangulate</title>');
  const notUsed = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const api = {
    ...(Object.fromEntries(methodNames.map((m) => [m, notUsed])) as Record<MethodName, typeof notUsed>),
    listArticles: async () => [],
    importArticles: async ({ files }: { files: { name: string; data: string }[] }) => {
      received.push(files[0]!.data.length);
      return { imported: [], duplicates: [], failures: [], warnings: [], versions: [] };
    },
  } as TriangulateApi;
  server = createHostServer({ api, rendererDir: base, token: TOKEN, maxBodyBytes: 1024, maxImportBodyBytes: 8 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

async function call(method: string, body: string): Promise<{ status: number; message?: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Triangulate-Token': TOKEN },
    body,
  });
  const json = (await response.json()) as { error?: { message: string } };
  return { status: response.status, message: json.error?.message };
}

const importBody = (chars: number) => JSON.stringify({ files: [{ name: 'a.txt', data: 'QUJD'.repeat(chars / 4) }] });

describe('request body limits', () => {
  it('lets an import carry more than the ordinary cap', async () => {
    const reply = await call('importArticles', importBody(4_000));
    expect(reply.status).toBe(200);
    expect(received).toContain(4_000);
  });

  it('still caps the import methods, at their own limit', async () => {
    const reply = await call('importArticles', importBody(12_000));
    expect(reply.status).toBe(413);
    expect(reply.message).toMatch(/too large: the limit is 8192 bytes/);
  });

  it('keeps the ordinary cap for every other method', async () => {
    const reply = await call('listArticles', JSON.stringify({ pad: 'x'.repeat(4_000) }));
    expect(reply.status).toBe(413);
    expect(reply.message).toMatch(/limit is 1024 bytes/);
  });

  it('names the import methods and defaults to 64 MiB for them', () => {
    expect([...IMPORT_METHODS].sort()).toEqual(['importArticles', 'importProject', 'importQdpx', 'importW3C']);
    expect(bodyLimitFor('importW3C', { maxBodyBytes: 1024 * 1024, maxImportBodyBytes: DEFAULT_MAX_IMPORT_BODY_BYTES })).toBe(64 * 1024 * 1024);
    expect(bodyLimitFor('saveTag', { maxBodyBytes: 1024 * 1024, maxImportBodyBytes: DEFAULT_MAX_IMPORT_BODY_BYTES })).toBe(1024 * 1024);
  });
});
