/**
 * Versions through a .qdpx (issue 14): a library whose article has three
 * versions of its text, with annotations kept over an older one, exported by
 * exportQdpx and imported by importQdpx into an empty data folder, comes back
 * with the same articles, versions and annotations; a damaged or missing
 * older-version source is listed by name and none of that article's older
 * versions is stored.
 */
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { useTestLibrary } from '../../../tools/testSupport/useTestLibrary';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { checkCrossFileInvariants } from '../safety/checkCrossFileInvariants';
import { findDamagedFiles } from '../safety/findDamagedFiles';
import type { Core } from './createCore';

// Registered before useTestLibrary: after-hooks run in reverse order, so its cores are closed (their
// start-up backups finished) before their folders are removed.
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});
const lib = useTestLibrary();
const EMPTY = { articles: [], codebook: [...DEFAULT_CODEBOOK], settings: { creator: 'ana' } };
const asFile = (name: string, content: string) => ({ name, data: Buffer.from(content).toString('base64') });

const P1 = 'The council approved the new budget on Monday after a long debate about the library.';
const P2 = 'The mayor said the decision would protect jobs in the city for at least five years.';
const P3 = 'Opposition members called the plan reckless and promised to fight it in court.';
const P4 = 'The budget takes effect in January, a spokesperson for the council confirmed later.';
const OTHER = ['Harbour crews said the new cranes arrived on Friday after months of delay.', 'The port authority said loading would resume next week.'];

function page(paragraphs: readonly string[], canonical = 'https://news.example.org/2026/budget-vote'): string {
  return `<!doctype html><html lang="en"><head><title>Council approves budget</title>
<link rel="canonical" href="${canonical}"><meta property="og:site_name" content="Example News"></head>
<body><article><h1>Council approves budget</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

async function annotate(core: Core, articleId: string, quote: string, tagId: string, note: string) {
  const text = (await core.getArticle({ id: articleId })).text;
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return core.createAnnotation({ articleId, tagId, start, end: start + quote.length, note });
}

/**
 * A library with "budget" in three versions — version 1 keeps an annotation version 2 dropped, version 2
 * keeps none, version 3 is current — and a one-version article beside it.
 */
async function versionedLibrary(): Promise<{ core: Core; id: string }> {
  const core = await lib.open({ newLibrary: EMPTY });
  const id = (await core.importArticles({ files: [asFile('budget.html', page([P1, P2, P3, P4]))] })).imported[0]!.id;
  const other = (await core.importArticles({ files: [asFile('port.html', page(OTHER, 'https://news.example.org/2026/port'))] })).imported[0]!.id;
  await annotate(core, other, 'the new cranes arrived', 'claim', 'cranes');
  await annotate(core, id, 'the decision would protect jobs', 'claim', 'jobs claim');
  await annotate(core, id, 'called the plan reckless', 'quote', 'opposition');
  const second = await core.importArticles({ files: [asFile('budget (update).html', page([P1, P2, P4]))] });
  expect(second.versions[0]).toMatchObject({ version: 2, unanchored: [expect.objectContaining({ exact: 'called the plan reckless', version: 1 })] });
  await annotate(core, id, 'takes effect in January', 'claim', 'start date');
  const third = await core.importArticles({ files: [asFile('budget (second update).html', page([P1.replace('Monday', 'Tuesday'), P2, P4]))] });
  expect(third.versions[0]).toMatchObject({ version: 3, unanchored: [] });
  return { core, id };
}

/** What a researcher sees of a library: each article's details, versions (texts and annotations) and current annotations. */
async function everything(core: Core) {
  const shape = (a: { tagId: string; start: number; end: number; exact: string; note: string; creator: string }) => ({ tagId: a.tagId, start: a.start, end: a.end, exact: a.exact, note: a.note, creator: a.creator });
  const out = [];
  for (const summary of await core.listArticles({})) {
    const { id, title, date, outlet, author, url, language, note, text, hash, versions: list } = await core.getArticle({ id: summary.id });
    const versions = await core.getArticleVersions({ articleId: id });
    const texts = [];
    for (const v of versions.versions) {
      const shown = await core.getArticleVersionText({ articleId: id, version: v.version });
      texts.push({ version: v.version, text: shown.text, annotations: shown.annotations.map((a) => ({ ...shape(a), keptHere: a.keptHere })) });
    }
    out.push({
      id, title, date, outlet, author, url, language, note, text, hash, list,
      summaryVersions: summary.versions,
      current: versions.current,
      unanchored: versions.unanchored.map((a) => ({ ...shape(a), version: a.version })),
      texts,
      annotations: (await core.listAnnotations({ articleId: id })).map(shape),
    });
  }
  return out;
}


/** A core on a new, empty data folder (no seed articles). */
async function emptyLibrary(): Promise<{ core: Core; dir: string }> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'triangulate-qdpx-versions-'));
  dirs.push(dir);
  return { core: await lib.open({ dataDir: dir, newLibrary: EMPTY }), dir };
}

/** The .qdpx's files, changed by `edit`, zipped again. */
function rezip(base64: string, edit: (files: Record<string, Uint8Array>) => void): string {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  edit(files);
  return Buffer.from(zipSync(files)).toString('base64');
}

/** The sources/ path of the text source named `name` in a project.qde. */
function sourcePath(files: Record<string, Uint8Array>, name: string): string {
  const xml = strFromU8(files['project.qde']!);
  const match = new RegExp(`<TextSource guid="([^"]+)" name="${name.replace(/[()]/g, '\\$&')}"`).exec(xml);
  expect(match).not.toBeNull();
  return `sources/${match![1]}.txt`;
}

describe('versions through a .qdpx', () => {
  it('come back whole in an empty data folder: the same articles, versions, texts and annotations', async () => {
    const { core } = await versionedLibrary();
    const before = await everything(core);
    expect(before.find((a) => a.title === 'Council approves budget')!.list!.map((v) => v.origin)).toEqual(['budget.html', 'budget (update).html', 'budget (second update).html']);
    const { base64 } = await core.exportQdpx({});

    const restored = await emptyLibrary();
    const report = await restored.core.importQdpx({ base64 });
    expect(report.problems).toEqual([]);
    expect(report.articlesImported).toBe(2);
    expect(await everything(restored.core)).toEqual(before);
    expect((await findDamagedFiles(restored.dir)).damaged).toEqual([]);
    expect((await checkCrossFileInvariants(restored.dir)).failures).toEqual([]);
  });

  it('an older version whose text was changed in the file is named with the reason, and none of the versions is stored', async () => {
    const { core, id } = await versionedLibrary();
    const { base64 } = await core.exportQdpx({});
    const damaged = rezip(base64, (files) => {
      const path = sourcePath(files, 'Council approves budget (version 1)');
      files[path] = strToU8(strFromU8(files[path]!).replace('called the plan reckless', 'called the plan careless'));
    });

    const restored = await emptyLibrary();
    const report = await restored.core.importQdpx({ base64: damaged });
    expect(report.problems).toEqual([
      expect.stringMatching(/^text source "Council approves budget \(version 1\)" skipped: it is damaged: its text at \d+–\d+ is not the quote of its selection "called the plan reckless" .*; version 1 of article .* annotation\(s\) are not imported \(the article comes in with its current version only\)$/),
      expect.stringMatching(/^text source "Council approves budget \(version 2\)" skipped: another version of the same article cannot be restored; version 2 of article/),
    ]);
    // The current version and its annotations come in; nothing of the older versions is stored.
    const article = await restored.core.getArticle({ id });
    expect(article.text).toContain('Tuesday');
    expect(article.versions).toBeUndefined();
    expect((await restored.core.getArticleVersions({ articleId: id })).unanchored).toEqual([]);
    expect((await restored.core.listAnnotations({ articleId: id })).map((a) => a.note)).toEqual(['jobs claim', 'start date']);
    expect((await fs.readdir(join(restored.dir, 'texts'))).filter((n) => n.startsWith(id))).toEqual([`${id}.json`]);
    expect((await checkCrossFileInvariants(restored.dir)).failures).toEqual([]);
  });

  it('a file that lacks one older version names the other older sources and restores none of them', async () => {
    const { core, id } = await versionedLibrary();
    const { base64 } = await core.exportQdpx({});
    const lacking = rezip(base64, (files) => {
      const xml = strFromU8(files['project.qde']!);
      const without = xml.replace(/<TextSource [^>]*name="Council approves budget \(version 2\)"[\s\S]*?<\/TextSource>/, '');
      expect(without).not.toBe(xml);
      files['project.qde'] = strToU8(without);
    });
    const restored = await emptyLibrary();
    const report = await restored.core.importQdpx({ base64: lacking });
    expect(report.problems).toEqual([
      `text source "Council approves budget (version 1)" skipped: the file lacks version 2 of article ${id}'s text, so its versions cannot be restored; version 1 of article ${id}'s text and its 1 annotation(s) are not imported (the article comes in with its current version only)`,
    ]);
    expect((await restored.core.getArticle({ id })).versions).toBeUndefined();
  });
});
