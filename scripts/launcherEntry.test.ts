import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const checkout = join(here, '..');
const hasValidator = spawnSync('desktop-file-validate', ['--help'], { stdio: 'ignore' }).status === 0;
const validatorReason = 'desktop-file-validate is not installed (Debian: apt-get install desktop-file-utils; CI installs it)';

interface LauncherEntryModule {
  desktopEntry(options: { checkout: string; node: string }): string;
}
const { desktopEntry } = (await import(pathToFileURL(join(here, 'launcherEntry.mjs')).href)) as LauncherEntryModule;

/** Splits an Exec value back into arguments, as a desktop environment does (Desktop Entry Specification, "The Exec key"). */
function execArguments(value: string): string[] {
  const unescaped = value.replace(/\\(.)/g, (_m, c: string) => ({ s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' })[c] ?? `\\${c}`);
  const args: string[] = [];
  let i = 0;
  while (i < unescaped.length) {
    if (unescaped[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    if (unescaped[i] === '"') {
      i++;
      while (unescaped[i] !== '"') {
        if (i >= unescaped.length) throw new Error('unterminated quote');
        if (unescaped[i] === '\\') i++;
        arg += unescaped[i++];
      }
      i++;
    } else {
      while (i < unescaped.length && unescaped[i] !== ' ') arg += unescaped[i++];
    }
    args.push(arg.replace(/%%/g, '%'));
  }
  return args;
}

function validate(file: string) {
  const result = spawnSync('desktop-file-validate', [file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function run(script: string, dataHome: string) {
  return spawnSync(process.execPath, [join(checkout, 'scripts', script)], {
    encoding: 'utf8',
    env: { ...process.env, XDG_DATA_HOME: dataHome },
  });
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-launcher-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('npm run install-launcher / uninstall-launcher', () => {
  it('installs a desktop entry and icons that start this checkout, and removes them again', () => {
    const dataHome = tempDir();
    const installed = run('installLauncher.mjs', dataHome);
    expect(installed.status, installed.stderr).toBe(0);

    const desktopFile = join(dataHome, 'applications', 'triangulate.desktop');
    const text = readFileSync(desktopFile, 'utf8');
    expect(text).toContain('Name=Triangulate\n');
    expect(text).toContain('Icon=triangulate\n');
    const exec = /^Exec=(.*)$/m.exec(text)?.[1] ?? '';
    expect(execArguments(exec)).toEqual([process.execPath, join(checkout, 'scripts', 'start.mjs'), '--app-window']);
    for (const size of ['16x16', '48x48', '256x256', '512x512']) {
      expect(existsSync(join(dataHome, 'icons', 'hicolor', size, 'apps', 'triangulate.png'))).toBe(true);
    }

    const removed = run('uninstallLauncher.mjs', dataHome);
    expect(removed.status, removed.stderr).toBe(0);
    expect(existsSync(desktopFile)).toBe(false);
    expect(existsSync(join(dataHome, 'icons', 'hicolor', '48x48', 'apps', 'triangulate.png'))).toBe(false);
  });

  it.skipIf(!hasValidator)(`writes an entry that passes desktop-file-validate${hasValidator ? '' : ` (skipped: ${validatorReason})`}`, () => {
    const dataHome = tempDir();
    expect(run('installLauncher.mjs', dataHome).status).toBe(0);
    const result = validate(join(dataHome, 'applications', 'triangulate.desktop'));
    expect(result.output).not.toMatch(/error/);
    expect(result.status).toBe(0);
  });
});

describe('desktopEntry', () => {
  const awkward = '/home/ana/My "Research" $HOME `x` 100% back\\slash/triangulate';

  it('quotes a checkout path with spaces, quotes, $, backticks, % and backslashes so it starts that exact folder', () => {
    const text = desktopEntry({ checkout: awkward, node: '/opt/node 20/bin/node' });
    const exec = /^Exec=(.*)$/m.exec(text)?.[1] ?? '';
    expect(execArguments(exec)).toEqual(['/opt/node 20/bin/node', join(awkward, 'scripts', 'start.mjs'), '--app-window']);
  });

  it.skipIf(!hasValidator)(`keeps such an entry valid${hasValidator ? '' : ` (skipped: ${validatorReason})`}`, () => {
    const file = join(tempDir(), 'triangulate.desktop');
    writeFileSync(file, desktopEntry({ checkout: awkward, node: '/usr/bin/node' }));
    const result = validate(file);
    expect(result.output).not.toMatch(/error/);
    expect(result.status).toBe(0);
  });

  it('refuses a checkout path with a line break, which an entry cannot hold', () => {
    expect(() => desktopEntry({ checkout: '/tmp/a\nb', node: '/usr/bin/node' })).toThrow(/line break/);
  });
});
