/**
 * The architecture's import rules (eslint.config.js) fail on deliberate
 * violations and pass the allowed form beside each: a rule that never fires
 * would be a hope, not a rule. Each case lints one import line as if it stood
 * in a file of the named room.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport const y = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// [room file, forbidden import, the message says, allowed import beside it]
const CASES: [string, string, RegExp, string | null][] = [
  ['src/main/core/someService.ts', '../cli/runCli', /never imports the CLI/, '../store/dataStore'],
  ['src/main/store/someStore.ts', '../core/createCore', /never import core\/ or cli\//, '../safety/quarantineCorruptFile'],
  ['src/main/sync/someMerge.ts', '../core/createCore', /never import core\/ or cli\//, '../store/dataStore'],
  ['src/main/cli/someCommand.ts', '../../../tools/testSupport/useTestLibrary', /never imports the crash-test tooling/, '../core/createCore'],
  ['src/main/desktop/someGlue.ts', '../../../tools/crashTest/killLoop', /never imports the crash-test tooling/, '../core/createCore'],
  ['src/main/import/someReader.ts', 'electron', /Electron imports stay in src\/main\/desktop/, 'node:fs'],
  ['src/renderer/editor/somePlugin.ts', '../reader/ArticleView', /imports no screen or feature/, '../components/tagTint'],
  ['src/renderer/editor/annotations/somePlugin.ts', '../../components/TagChip', /no React component/, '../../data/tagLookup'],
  ['src/renderer/compare/SomeView.tsx', '../reader/ArticleView', /only through its face/, '../reader'],
  ['src/renderer/library/SomeView.tsx', '../exchange/LibraryImport', /only through its face/, '../components/TagChip'],
  ['src/renderer/components/SomePiece.tsx', '../data/useCodebook', /get data through props/, './tagTint'],
  ['src/renderer/data/useSomething.ts', '../reader/ArticleView', /serve every screen/, '../app/dataChanged'],
  ['src/renderer/app/App.tsx', '../../main/core/createCore', /talks only to the contract/, '../reader/ArticleView'],
  ['src/shared/model/someModel.ts', '../contract/contract', /ground floor/, './canonicalText'],
  ['src/shared/quotes/someRule.ts', '../formats/w3c/w3cExport', /algorithms over texts/, '../model/model'],
  ['src/shared/formats/someFormat.ts', 'node:fs', /pure TypeScript/, '../model/model'],
  ['src/preload/someBridge.ts', '../main/core/createCore', /exposes the contract only/, '../shared/contract/methodNames'],
  ['src/host/someHandler.ts', '../renderer/app/App', /never imports Electron, the desktop glue or the renderer/, '../main/core/createCore'],
];

describe('architecture import rules', () => {
  it.each(CASES)('%s: importing %s is refused, with a message saying what to do', async (file, bad, says, good) => {
    const errors = await importErrors(file, bad);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(says);
    if (good) expect(await importErrors(file, good)).toEqual([]);
  }, 30_000);

  it('lets tests of the core use the test support in tools/', async () => {
    expect(await importErrors('src/main/core/someService.test.ts', '../../../tools/testSupport/useTestLibrary')).toEqual([]);
  }, 30_000);
});

// A spread of a corpus-sized array into call arguments overflows the stack at 100,000 articles (issue 20).
describe('no spread into call arguments where code walks the corpus', () => {
  const spreadErrors = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(`${code}\n`, { filePath });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it.each([
    ['src/shared/alignment/somePass.ts', 'export const f = (all: number[], more: number[]) => all.push(...more);'],
    ['src/main/cli/someCommand.ts', 'export const f = (rows: string[]) => Math.max(0, ...rows.map((r) => r.length));'],
    ['src/main/core/someService.ts', 'export const f = (all: number[]) => Math.min(...all);'],
  ])('%s: %s is refused, with a message saying to loop', async (file, code) => {
    const errors = await spreadErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/overflows the stack.*Use a loop/);
  }, 30_000);

  it('allows the loop, and array literals built by a spread', async () => {
    expect(await spreadErrors('src/shared/alignment/somePass.ts', 'export const f = (all: number[], more: number[]) => { for (const m of more) all.push(m); return [...all]; };')).toEqual([]);
  }, 30_000);
});
