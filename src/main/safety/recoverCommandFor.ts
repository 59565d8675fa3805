/**
 * The command that restores a data folder's damaged files from its rolling
 * backups (see cliRecover.ts), as a user would type it, for error messages.
 */
export function recoverCommandFor(dataDir: string): string {
  const folder = /^[\w./:\\~+=@-]+$/.test(dataDir) ? dataDir : `"${dataDir.replace(/(["\\$`])/g, '\\$1')}"`;
  return `npm run cli -- recover --data ${folder}`;
}
