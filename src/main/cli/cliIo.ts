/**
 * What a CLI command talks to: its two output streams and the folder relative
 * paths are resolved against. Tests pass a recording one.
 */
export interface CliIo {
  /** One line to stdout. */
  out(line: string): void;
  /** One line to stderr. */
  err(line: string): void;
  /**
   * Text to stdout as it is (a chunk of a long answer), resolving when stdout can take more (backpressure).
   * Absent (a recording io): callers hand the chunk to `out`.
   */
  write?(chunk: string): Promise<void>;
  /** Folder that relative paths in arguments are resolved against. */
  cwd: string;
}

/** A command of `npm run cli -- <name> …`: returns the process exit code. */
export interface CliCommand {
  summary: string;
  run(args: string[], io?: CliIo): Promise<number>;
}

export function processIo(): CliIo {
  // A reader that stops early (`… | head`) closes the pipe: stop writing quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    write: (chunk) => new Promise<void>((done) => (process.stdout.write(chunk) ? done() : process.stdout.once('drain', done))),
    // `npm run` changes into the package folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
}

/** An error as one line, for stderr. */
export function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}
