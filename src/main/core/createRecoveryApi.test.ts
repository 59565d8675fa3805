import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/apiError';
import { createCore } from './createCore';
import { createRecoveryApi } from './createRecoveryApi';
import { makeBackup } from '../safety/makeBackup';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const A004 = '004_fe53cb2bbc3036b3';

let dir: string;
let dataDir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-recovery-api-'));
  dataDir = join(dir, 'data');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const openCore = () => createCore({ dataDir, corpusDir: CORPUS, creator: 'ana', backups: false });

/** A library with one annotation on 004, backed up, whose index.json is then garbage; returns createCore's error. */
async function damagedLibrary(withBackup = true): Promise<ApiError> {
  const core = await openCore();
  await core.createAnnotation({ articleId: A004, tagId: 'quote', start: 3, end: 9, note: 'kept' });
  await core.close();
  if (withBackup) await makeBackup(dataDir, { now: () => new Date('2024-05-01T12:00:00.000Z') });
  await fs.writeFile(join(dataDir, 'index.json'), 'garbage');
  const error = await openCore().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('createRecoveryApi', () => {
  it('reports the damaged file and the latest backup, and refuses every other call with the original message', async () => {
    const reason = await damagedLibrary();
    const api = createRecoveryApi({ dataDir, reason: reason.message, openCore });

    const health = await api.getDataHealth({});
    expect(health.damaged.map((d) => d.file)).toEqual(['index.json']);
    expect(health.damaged[0]!.problem).toMatch(/not valid JSON/);
    expect(health.latestBackup).toEqual({ name: '2024-05-01T12-00-00.000Z', time: '2024-05-01T12:00:00.000Z' });
    await expect(api.listArticles({})).rejects.toMatchObject({ code: 'corrupt_data', message: reason.message });
    await expect(api.listAnnotations({ articleId: A004 })).rejects.toMatchObject({ code: 'corrupt_data' });
    expect(api.core()).toBeNull();
  });

  it('after a restore, opens the library and serves every call from it', async () => {
    const reason = await damagedLibrary();
    const api = createRecoveryApi({ dataDir, reason: reason.message, openCore, now: () => new Date('2024-06-01T00:00:00.000Z') });

    const report = await api.restoreFromBackup({});
    expect(report.restored.map((r) => r.file)).toEqual(['index.json']);
    expect(report.quarantined).toEqual(['quarantine/index.json.2024-06-01T00-00-00.000Z']);
    expect(await fs.readFile(join(dataDir, 'quarantine', 'index.json.2024-06-01T00-00-00.000Z'), 'utf8')).toBe('garbage');
    expect(api.core()).not.toBeNull();
    expect((await api.listArticles({})).length).toBeGreaterThan(0);
    expect((await api.listAnnotations({ articleId: A004 })).map((a) => a.note)).toEqual(['kept']);
    expect((await api.getDataHealth({})).damaged).toEqual([]);
    await api.close();
  });

  it('stays in recovery when no backup can restore the file', async () => {
    const reason = await damagedLibrary(false);
    const api = createRecoveryApi({ dataDir, reason: reason.message, openCore });

    const report = await api.restoreFromBackup({});
    expect(report.unrecoverable).toEqual(['index.json']);
    expect(api.core()).toBeNull();
    await expect(api.listArticles({})).rejects.toMatchObject({ code: 'corrupt_data' });
    expect(await fs.readFile(join(dataDir, 'index.json'), 'utf8')).toBe('garbage');
  });
});
