/**
 * The .qdpx export: its project.qde validates against the REFI-QDA
 * Project.xsd (xmllint --schema; Debian libxml2-utils), and its positions
 * count characters (code points).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../shared/formats/project/projectFile';
import { projectToQde, TEXT_VERSION_VARIABLE } from '../../shared/formats/qdpx/projectToQde';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { readQdpx } from '../import/readQdpx';
import { textHash } from '../store/textHash';
import { qdpxBytes } from './qdpxBytes';
import { qdpxFixtureProject } from './qdpxFixtureProject';

const XSD = fileURLToPath(new URL('../../shared/formats/qdpx/schema/Project.xsd', import.meta.url));
const XMLLINT = '/usr/bin/xmllint';

describe('the .qdpx export', () => {
  const { xml, sources } = projectToQde(qdpxFixtureProject());

  it.skipIf(!existsSync(XMLLINT))('validates against the REFI-QDA Project.xsd (skipped only when xmllint is not installed)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'triangulate-qde-'));
    try {
      const file = join(dir, 'project.qde');
      await writeFile(file, xml);
      const out = execFileSync(XMLLINT, ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(out).toBe('');
      // And a broken one does not: the check can fail.
      await writeFile(file, xml.replace('isCodable="true"', 'isCodable="maybe"'));
      expect(() => execFileSync(XMLLINT, ['--noout', '--schema', XSD, file], { stdio: 'pipe' })).toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes each article once under sources/ and counts positions in characters, not UTF-16 units', () => {
    expect(sources.map((s) => s.path)).toEqual([expect.stringMatching(/^sources\/[0-9a-f-]{36}\.txt$/), expect.stringMatching(/^sources\/[0-9a-f-]{36}\.txt$/)]);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const port = doc.Project.Sources.TextSource[0];
    const refusal = port.PlainTextSelection[0];
    const text = qdpxFixtureProject().articles[0]!.text;
    const utf16 = text.indexOf('We will');
    expect(Number(refusal.startPosition)).toBe(utf16 - 1); // the ship emoji before it is one character, two UTF-16 units
    expect([...text].slice(Number(refusal.startPosition), Number(refusal.endPosition)).join('')).toBe('We will not load a single ship');
    expect(refusal.Description).toBe('Speaker: Mara Quinn\nDirect or indirect: direct');
  });

  it('is the same file for the same library (stable GUIDs)', () => {
    expect(projectToQde(qdpxFixtureProject()).xml).toBe(xml);
  });

  describe('an article with two versions of its text', () => {
    const V1 = 'The mayor said the library closes in May. Staff will move to the town hall.';
    const V2 = 'The mayor said the library stays open. Staff will stay.';
    const versioned = (): ProjectFile => {
      const project = qdpxFixtureProject();
      const port = project.articles[0]!;
      const version = (n: number, text: string) => ({ version: n, hash: textHash(text), length: text.length, origin: 'library.html', imported: `2024-05-0${n}T00:00:00.000Z`, modified: null });
      const start = V2.indexOf('stays open');
      const lost = V1.indexOf('closes in May');
      project.articles[0] = {
        ...port,
        text: V2,
        hash: textHash(V2),
        length: V2.length,
        versions: [version(1, V1), version(2, V2)],
        versionTexts: [V1],
        annotations: [{ ...port.annotations[2]!, start, end: start + 'stays open'.length, exact: 'stays open', prefix: '', suffix: '' }],
        unanchored: [{ ...port.annotations[2]!, id: 'old1', start: lost, end: lost + 'closes in May'.length, exact: 'closes in May', prefix: '', suffix: '', version: 1 }],
      };
      project.groups = [];
      project.sourceLinks = [];
      return project;
    };
    const out = projectToQde(versioned());
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(out.xml);
    const versionGuid = [doc.Project.Variables.Variable].flat().find((v: { name: string }) => v.name === TEXT_VERSION_VARIABLE).guid;
    const versionValue = (source: { VariableValue: { VariableRef: { targetGUID: string }; IntegerValue?: number }[] }) =>
      source.VariableValue.find((v) => v.VariableRef.targetGUID === versionGuid)?.IntegerValue;
    const textOf = (source: { plainTextPath: string }) => out.sources.find((s) => s.path === `sources/${source.plainTextPath.slice('internal://'.length)}`)!.text;

    it('writes the current version as the article’s source, saying which version it is', () => {
      const current = doc.Project.Sources.TextSource[0];
      expect(current.name).toBe('Port update');
      expect(textOf(current)).toBe(V2);
      expect(versionValue(current)).toBe(2);
      expect(current.Description).toBe("Version 2 of the article's text, the current one (Triangulate holds 2 versions).");
      const selection = [current.PlainTextSelection].flat()[0];
      expect([...V2].slice(Number(selection.startPosition), Number(selection.endPosition)).join('')).toBe('stays open');
    });

    it('writes an annotation the current text no longer holds over its own version’s text, in a source named for that version', () => {
      const older = doc.Project.Sources.TextSource.find((s: { name: string }) => s.name === 'Port update (version 1)');
      expect(textOf(older)).toBe(V1);
      expect(versionValue(older)).toBe(1);
      const selection = [older.PlainTextSelection].flat()[0];
      expect([...V1].slice(Number(selection.startPosition), Number(selection.endPosition)).join('')).toBe('closes in May');
      expect(older.Description).toMatch(/^Version 1 of 2 of the article's text: its annotations could not be found in the current version/);
    });

    it.skipIf(!existsSync(XMLLINT))('still validates against the REFI-QDA Project.xsd', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'triangulate-qde-'));
      try {
        const file = join(dir, 'project.qde');
        await writeFile(file, out.xml);
        expect(execFileSync(XMLLINT, ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('reads back as one article with both versions, the annotation kept with version 1 over its text', () => {
      const read = readQdpx(qdpxBytes(versioned()), DEFAULT_CODEBOOK, '2024-07-01T00:00:00.000Z');
      if (!read.ok) throw new Error(read.error);
      expect(read.skipped).toEqual([]);
      const port = read.project.articles.filter((a) => a.id === 'port');
      expect(port.map((a) => a.text)).toEqual([V2]);
      expect(port[0]!.versionTexts).toEqual([V1]);
      expect(port[0]!.versions).toEqual(versioned().articles[0]!.versions!.map(({ version, hash, length, origin, imported }) => ({ version, hash, length, origin, imported })));
      expect(port[0]!.unanchored!.map((a) => [a.version, V1.slice(a.start, a.end), a.tagId])).toEqual([[1, 'closes in May', 'claim']]);
    });
  });
});
