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
import { projectToQde } from '../../shared/formats/qdpx/projectToQde';
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
});
