/**
 * `<dataDir>/host.json`: the address of the browser host that holds the data
 * folder, `{ pid, url }`, readable by the user only (the URL carries the
 * session's token). A second start on the same folder (a second double-click
 * on the launcher) reads it to open the running host's window instead of
 * failing where no terminal shows why. Trusted only when its pid is the
 * folder lock's owner; removed when the host exits.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningHost {
  pid: number;
  url: string;
}

export function runningHostPath(dataDir: string): string {
  return join(dataDir, 'host.json');
}

export function writeRunningHost(dataDir: string, host: RunningHost): void {
  const path = runningHostPath(dataDir);
  rmSync(path, { force: true });
  writeFileSync(path, `${JSON.stringify(host)}\n`, { mode: 0o600, flag: 'wx' });
}

/** The running host's URL when host.json names the process that holds the lock, else null. */
export function readRunningHost(dataDir: string, lockOwnerPid: number): string | null {
  try {
    const value = JSON.parse(readFileSync(runningHostPath(dataDir), 'utf8')) as Partial<RunningHost>;
    const local = typeof value.url === 'string' && /^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/.test(value.url);
    return value.pid === lockOwnerPid && local ? (value.url as string) : null;
  } catch {
    return null;
  }
}

/** Removes host.json if it is this process's. */
export function removeRunningHost(dataDir: string, pid: number): void {
  try {
    const value = JSON.parse(readFileSync(runningHostPath(dataDir), 'utf8')) as Partial<RunningHost>;
    if (value.pid === pid) rmSync(runningHostPath(dataDir), { force: true });
  } catch {
    // Gone already, or not ours to remove.
  }
}
