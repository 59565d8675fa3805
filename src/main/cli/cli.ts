/**
 * Entry of the command line (built to out/main/cli.js; `npm run cli -- …`).
 * Each command lives in its own module; add it to this table.
 */
import { agreementCommand } from './cliAgreement';
import { alignCommand } from './cliAlign';
import { codebookCommand } from './cliCodebook';
import { exportCommand } from './cliExport';
import { importCommand } from './cliImport';
import { importAnnotationsCommand } from './cliImportAnnotations';
import { importPassimCommand } from './cliImportPassim';
import { processIo, type CliCommand } from './cliIo';
import { quotesCommand } from './cliQuotes';
import { recoverCommand } from './cliRecover';
import { speakersCommand } from './cliSpeakers';
import { syncCommand } from './cliSync';
import { runCli } from './runCli';

const commands: Record<string, CliCommand> = {
  export: exportCommand,
  quotes: quotesCommand,
  speakers: speakersCommand,
  align: alignCommand,
  import: importCommand,
  'import-annotations': importAnnotationsCommand,
  'import-passim': importPassimCommand,
  recover: recoverCommand,
  codebook: codebookCommand,
  agreement: agreementCommand,
  sync: syncCommand,
};

void runCli(process.argv.slice(2), commands, processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`triangulate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
