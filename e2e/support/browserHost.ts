/**
 * Starts the built browser host (`out/main/host.js`) on a data folder and
 * waits for its one ready line. Used by every e2e spec.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chooseCoderUnlessChosen } from './callHost';

export { callHost } from './callHost';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface BrowserHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'triangulate-e2e-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const READY = /^Triangulate ready at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m;

export interface BrowserHostOptions {
  /** Added to the host's environment, e.g. TRIANGULATE_CORPUS for a corpus made by the test. */
  env?: NodeJS.ProcessEnv;
  /**
   * The coder set through the API before any page opens, so the first-start
   * "Who is coding?" dialog does not stand in a spec's way (default "e2e",
   * kept when the folder has a chosen coder already); null leaves the folder
   * as the host made it, for the spec of that dialog.
   */
  coder?: string | null;
}

/** Sets the folder's coder unless one was chosen; a folder that cannot be opened (recovery specs) is left alone. */
async function settleCoder(url: string, coder: string): Promise<void> {
  try {
    await chooseCoderUnlessChosen({ url }, coder);
  } catch {
    // A damaged folder answers with corrupt_data: the app shows recovery instead of asking.
  }
}

export async function startBrowserHost(dataDir: string, options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out/main/host.js'), '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not get ready in 20 s\n${stdout}\n${stderr}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = READY.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before it was ready\n${stdout}\n${stderr}`));
    });
  });
  const coder = options.coder === undefined ? 'e2e' : options.coder;
  if (coder !== null) await settleCoder(url, coder);
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
