/**
 * `npm run cli -- agreement --data DIR [--json] [--coders A,B] [--tags T1,T2]
 * [--articles ID,…] [--units tokens|sentences] [--csv FILE]`: intercoder agreement of the
 * library's annotations (see shared/agreement/annotationAgreement.ts for what
 * each figure is computed on). `--json` prints { overall, tags, coders,
 * articles, unitKind, perArticle }; otherwise a table with the usual reading.
 * `--csv FILE` also writes the figures as CSV (agreementCsv) for the methods section.
 * Reads only: the app may have the library open.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { agreementCsv } from '../../shared/agreement/agreementCsv';
import type { AgreementFigures, AgreementReport } from '../../shared/agreement/annotationAgreement';
import type { UnitKind } from '../../shared/agreement/codingUnits';
import { oneLine, processIo, type CliCommand, type CliIo } from './cliIo';
import { DataStore } from '../store/dataStore';
import { defaultDataDir } from '../store/defaultDataDir';
import { parseCommandArgs, usageError } from './parseCommandArgs';
import { writeFileAtomic } from '../store/writeFileAtomic';
import { dataFolderAgreement } from '../core/dataFolderAgreement';
import { cliCount } from './cliCount';

const NAME = 'triangulate agreement';

export const AGREEMENT_USAGE = `Usage: npm run cli -- agreement [--data DIR] [--json] [--coders A,B] [--tags T1,T2]
                              [--articles ID,...] [--units tokens|sentences] [--csv FILE]

How far coders agree (intercoder reliability): Krippendorff's alpha_u on the
spans of each tag (unitizing); Krippendorff's alpha (nominal), Cohen's kappa
(two coders) and Fleiss' kappa on the words or sentences as units, each coded
with the tags its spans touch; alpha for each attribute on the spans coders
marked in common; percent agreement; per article too. Reading: alpha >= .800
reliable, .667-.800 tentative conclusions only, below unreliable.
  --coders A,B       the coders (annotation creators) to compare (default: all)
  --tags T1,T2       tags by name or id (default: the whole codebook)
  --articles ID,...  articles to compare (default: those every coder annotated;
                     named articles count as coded by every coder)
  --units KIND       tokens (words, default) or sentences
  --json             print JSON: { overall, tags, coders, articles, unitKind,
                     perArticle }, each figure { alphaU, alpha, kappa,
                     fleissKappa, percentAgreement (0-100), units, reading };
                     kappa is null unless there are two coders
  --csv FILE         also write every figure as CSV to FILE (replaced if it
                     exists): one row overall, per tag, attribute, article
  --data DIR         data folder (default: $TRIANGULATE_DATA, else the per-user
                     Triangulate folder, e.g. ~/.local/share/Triangulate)`;

const AGREEMENT_COMMAND = {
  name: NAME,
  usage: AGREEMENT_USAGE,
  options: {
    data: { type: 'string' },
    json: { type: 'boolean' },
    coders: { type: 'string' },
    tags: { type: 'string' },
    articles: { type: 'string' },
    units: { type: 'string' },
    csv: { type: 'string' },
  },
} as const;

const UNIT_KINDS: readonly UnitKind[] = ['tokens', 'sentences'];

export async function runAgreement(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommandArgs(AGREEMENT_COMMAND, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const units = (values.units ?? 'tokens') as UnitKind;
  if (!UNIT_KINDS.includes(units)) return usageError(AGREEMENT_COMMAND, `--units must be tokens or sentences, not "${values.units}"`, io);
  const list = (value: string | undefined) => (value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  const dataDir = resolve(io.cwd, values.data ?? defaultDataDir());
  try {
    if (!(await isDirectory(dataDir))) {
      io.err(`${NAME}: the data folder ${dataDir} does not exist (start Triangulate once, or pass --data DIR)`);
      return 1;
    }
    const store = await DataStore.open(dataDir);
    if (!store) {
      io.err(`${NAME}: the data folder ${dataDir} holds no library (no index.json)`);
      return 1;
    }
    const result = await dataFolderAgreement(store, { coders: list(values.coders), tags: list(values.tags), articles: list(values.articles), units });
    if (!result.ok) {
      io.err(`${NAME}: ${result.problem}`);
      return 1;
    }
    // The file first: a reader of stdout that stops early (`| head`) ends the process.
    const csvFile = values.csv === undefined ? null : resolve(io.cwd, values.csv);
    if (csvFile) await writeFileAtomic(csvFile, agreementCsv(result.report));
    if (values.json) io.out(JSON.stringify(result.report, null, 2));
    else for (const line of agreementTable(result.report)) io.out(line);
    if (csvFile && !values.json) io.out(`Written to ${csvFile}.`);
    return 0;
  } catch (error) {
    io.err(`${NAME}: ${oneLine(error)}`);
    return 1;
  }
}

export const agreementCommand: CliCommand = {
  summary: "Intercoder agreement: Krippendorff's alpha_u and alpha, Cohen's/Fleiss' kappa",
  run: runAgreement,
};

const num = (v: number | null) => (v === null ? '—' : v.toFixed(3));
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** The report as a readable table. */
export function agreementTable(report: AgreementReport): string[] {
  const unitName = report.unitKind === 'tokens' ? 'words' : 'sentences';
  const lines = [
    `Agreement of ${report.coders.join(', ')} on ${cliCount(report.articles.length, 'article')} (${cliCount(report.overall.units)} ${unitName} as units)`,
    '',
  ];
  const rows: string[][] = [['', 'α_u', 'α', 'κ', 'Fleiss κ', 'agree', 'reading (α_u / α)']];
  const row = (label: string, f: AgreementFigures) =>
    rows.push([label, num(f.alphaU), num(f.alpha), num(f.kappa), num(f.fleissKappa), pct(f.percentAgreement), `${f.reading.alphaU} / ${f.reading.alpha}`]);
  row('All tags', report.overall);
  for (const [name, tag] of Object.entries(report.tags)) {
    row(name, tag);
    for (const [attribute, a] of Object.entries(tag.attributes)) {
      rows.push([`  ${attribute} (${a.level}, ${cliCount(a.units)} spans)`, '', num(a.alpha), '', '', pct(a.percentAgreement), a.reading]);
    }
  }
  for (const l of table(rows)) lines.push(l);
  lines.push('', 'Per article:');
  const articleRows: string[][] = [['', 'α_u', 'α', 'agree', 'units']];
  for (const a of report.perArticle) articleRows.push([a.articleId, num(a.overall.alphaU), num(a.overall.alpha), pct(a.overall.percentAgreement), String(a.overall.units)]);
  for (const l of table(articleRows)) lines.push(`  ${l}`);
  lines.push('', 'Reading: α ≥ .800 reliable; .667–.800 tentative conclusions only; below .667 unreliable.');
  if (report.coders.length !== 2) lines.push("Cohen's κ is for two coders: see Fleiss' κ.");
  return lines;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), 0));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
