/**
 * Command-line options of the browser host (`npm run serve -- …`):
 *   --data DIR      where annotations are kept (default: the app's data folder,
 *                   or $TRIANGULATE_DATA when set)
 *   --port N        TCP port on 127.0.0.1 (default 0: any free port)
 *   --renderer DIR  the built renderer to serve (default: out/renderer)
 * Both `--flag value` and `--flag=value` work. Relative folders are taken
 * from `cwd` (npm passes the folder it was started in as INIT_CWD).
 */
import { resolve } from 'node:path';

export interface ServeArgs {
  dataDir: string;
  port: number;
  rendererDir: string;
  help: boolean;
}

export interface ServeArgDefaults {
  /** Called only when --data is not given. */
  dataDir: () => string;
  rendererDir: string;
  cwd: string;
}

export const SERVE_USAGE = 'Usage: npm run serve -- [--data DIR] [--port N] [--renderer DIR]';

export class ServeArgsError extends Error {
  constructor(message: string) {
    super(`${message}\n${SERVE_USAGE}`);
    this.name = 'ServeArgsError';
  }
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new ServeArgsError(`--port must be a whole number from 0 to 65535, not "${text}".`);
  }
  return port;
}

export function parseServeArgs(argv: readonly string[], defaults: ServeArgDefaults): ServeArgs {
  const given: { data?: string; port?: string; renderer?: string } = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const match = /^--(data|port|renderer)(?:=(.*))?$/.exec(arg);
    if (!match) throw new ServeArgsError(`Unknown option "${arg}".`);
    const name = match[1] as 'data' | 'port' | 'renderer';
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) {
      throw new ServeArgsError(`--${name} needs a value.`);
    }
    given[name] = value;
  }
  return {
    dataDir: resolve(defaults.cwd, given.data ?? defaults.dataDir()),
    port: given.port === undefined ? 0 : parsePort(given.port),
    rendererDir: resolve(defaults.cwd, given.renderer ?? defaults.rendererDir),
    help,
  };
}
