/**
 * ours → .qdpx → ours: every article (text and details), tag, annotation
 * (range, tag, note, creator, attribute values), note, group, credit and
 * coder comes back; a PDF source in another tool's file is reported as
 * skipped.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { DEFAULT_CODEBOOK } from '../../shared/model/model';
import { ProjectFileSchema } from '../../shared/formats/project/projectFile';
import { qdpxBytes } from '../export/qdpxBytes';
import { qdpxFixtureProject } from '../export/qdpxFixtureProject';
import { readQdpx } from './readQdpx';

const NOW = '2024-07-01T00:00:00.000Z';

describe('ours → .qdpx → ours', () => {
  const original = qdpxFixtureProject();
  const read = readQdpx(qdpxBytes(original), DEFAULT_CODEBOOK, NOW);
  if (!read.ok) throw new Error(read.error);
  const back = read.project;

  it('is a valid project file and skips nothing', () => {
    expect(ProjectFileSchema.parse(back)).toEqual(back);
    expect(read.skipped).toEqual([]);
  });

  it('keeps every article with its text and details', () => {
    expect(back.articles.map(({ annotations: _a, origin: _o, ...a }) => a)).toEqual(original.articles.map(({ annotations: _a, origin: _o, ...a }) => a));
  });

  it('keeps every annotation: range, tag, note, creator, dates and attribute values', () => {
    const shape = (p: typeof original) =>
      p.articles.flatMap((a) => a.annotations.map((n) => ({ articleId: n.articleId, tagId: n.tagId, start: n.start, end: n.end, exact: n.exact, prefix: n.prefix, suffix: n.suffix, note: n.note, creator: n.creator, attributes: n.attributes, created: n.created, modified: n.modified })));
    expect(shape(back)).toEqual(shape(original));
  });

  it('keeps the tags, the coders, the groups and the credits', () => {
    expect(back.codebook.map((t) => t.id)).toEqual(original.codebook.map((t) => t.id));
    expect(back.creator).toBe('ana');
    expect(new Set(back.articles.flatMap((a) => a.annotations.map((n) => n.creator)))).toEqual(new Set(['ana', 'bo']));
    const idOf = (articleId: string, exact: string) => back.articles.find((a) => a.id === articleId)!.annotations.find((n) => n.exact === exact)!.id;
    expect(back.groups).toEqual([
      expect.objectContaining({ id: 'g1', label: 'Refusals & <safety>', members: [{ articleId: 'port', annotationId: idOf('port', 'We will not load a single ship') }, { articleId: 'bridge', annotationId: idOf('bridge', 'Safety comes first') }] }),
    ]);
    expect(back.sourceLinks).toEqual([expect.objectContaining({ quote: { articleId: 'port', annotationId: idOf('port', 'We will not load a single ship') }, source: { articleId: 'port', annotationId: idOf('port', 'said Mara Quinn') } })]);
  });
});

describe('another tool\'s .qdpx', () => {
  it('imports its text source, codes and codings, and lists the PDF source as skipped', () => {
    // Modelled on what QualCoder writes: a code, a user, one text source inline, one PDF source.
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="QualCoder" creatingUserGUID="11111111-1111-4111-8111-111111111111">
  <Users><User guid="11111111-1111-4111-8111-111111111111" name="maria"/></Users>
  <CodeBook><Codes>
    <Code guid="22222222-2222-4222-8222-222222222222" name="Trust" isCodable="true" color="#A0C"><Description>Statements about trust</Description></Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="33333333-3333-4333-8333-333333333333" name="interview-01.txt" plainTextPath="internal://33333333-3333-4333-8333-333333333333.txt">
      <PlainTextSelection guid="44444444-4444-4444-8444-444444444444" name="I trust them" startPosition="4" endPosition="16" creatingUser="11111111-1111-4111-8111-111111111111" creationDateTime="2023-03-01T10:00:00Z">
        <Coding guid="55555555-5555-4555-8555-555555555555" creatingUser="11111111-1111-4111-8111-111111111111"><CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="66666666-6666-4666-8666-666666666666" name="scan.pdf" path="internal://66666666-6666-4666-8666-666666666666.pdf"/>
  </Sources>
</Project>`;
    const bytes = zipSync({ 'project.qde': strToU8(xml), 'sources/33333333-3333-4333-8333-333333333333.txt': strToU8('Q1: I trust them, mostly.') });
    const read = readQdpx(bytes, DEFAULT_CODEBOOK, NOW);
    if (!read.ok) throw new Error(read.error);
    expect(read.skipped).toEqual(['PDF source "scan.pdf" skipped: only text sources are imported']);
    expect(read.project.codebook).toEqual([expect.objectContaining({ id: 'trust', name: 'Trust', color: '#AA00CC', description: 'Statements about trust' })]);
    const [article] = read.project.articles;
    expect(article).toMatchObject({ title: 'interview-01.txt', text: 'Q1: I trust them, mostly.' });
    expect(article!.annotations).toEqual([expect.objectContaining({ tagId: 'trust', exact: 'I trust them', creator: 'maria', created: '2023-03-01T10:00:00Z' })]);
  });

  it('refuses what is not a .qdpx, saying why', () => {
    expect(readQdpx(strToU8('not a zip'), DEFAULT_CODEBOOK, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/^it is not a REFI-QDA \(\.qdpx\) file/) });
    expect(readQdpx(zipSync({ 'other.txt': strToU8('x') }), DEFAULT_CODEBOOK, NOW)).toEqual({ ok: false, error: 'the .qdpx holds no project.qde' });
  });

  it('refuses a zip bomb before unpacking it (its directory declares 3 GB)', () => {
    const bytes = zipSync({ 'project.qde': strToU8('<Project/>') }, { level: 0 });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let dir = bytes.length - 22;
    while (view.getUint32(dir, true) !== 0x06054b50) dir--;
    const entry = view.getUint32(dir + 16, true);
    view.setUint32(entry + 24, 3_000_000_000, true); // the declared unpacked size
    expect(readQdpx(bytes, DEFAULT_CODEBOOK, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/zip bomb/) });
  });
});
