/**
 * The crash-safety proof, short version (npm run stress:kill -- --kills 1000
 * is the long one): the built stress writer is killed with SIGKILL 30 times
 * at random moments while it saves annotations; after every kill each data
 * and backup file must pass the store's checks and every acknowledged write
 * must be on disk, and no group or credit may point at a missing annotation. Needs the build, hence the e2e stage; no browser.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/browserHost';

test('30 kills of the stress writer lose no acknowledged write and damage no file', () => {
  test.setTimeout(180_000);
  const run = spawnSync(process.execPath, [join(ROOT, 'out/tools/runKillLoop.js'), '--kills', '30', '--seed', '7'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 170_000,
  });
  const summary = /^kills: (\d+), acknowledged writes checked: (\d+), files checked: (\d+), cross-file references checked: (\d+).*failures: (\d+)/m.exec(run.stdout);
  expect(summary, `no summary line\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).not.toBeNull();
  const [, kills, acknowledged, files, references, failures] = summary!.map(Number);
  expect(failures, run.stderr).toBe(0);
  expect(kills).toBe(30);
  // The proof is only worth something if the writer got writes in before it died.
  expect(acknowledged).toBeGreaterThan(300);
  expect(files).toBeGreaterThan(30 * 8);
  // Groups and credits were written too, so the cross-file checks had references to follow.
  expect(references).toBeGreaterThan(0);
  expect(run.status).toBe(0);
});
