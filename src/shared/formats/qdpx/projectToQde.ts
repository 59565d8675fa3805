/**
 * A Triangulate project (projectFile.ts) as a REFI-QDA Project Exchange 1.0
 * project (`project.qde` plus one plain-text file per article, zipped as a
 * `.qdpx` by the Node side), which MAXQDA, ATLAS.ti, NVivo and QualCoder
 * import:
 * - Users: every coder (annotation creators and the library's creator);
 * - CodeBook: one Code per tag (name, colour, description as Description);
 * - Variables: the article details that fit (Outlet, Author, URL, Language
 *   as text, Date as a date), plus "Triangulate article id" so an import
 *   can recognise the article, and "Triangulate text version" (an integer:
 *   which version of the article's text the source is); with versions,
 *   "Triangulate version origin" and "Triangulate version imported" too;
 * - Sources: one TextSource per article (the current version of its
 *   canonical text in `sources/<guid>.txt`; an article with several
 *   versions says so in the source's Description), and one more per older
 *   version (its text, the annotations kept with it because the current
 *   text no longer holds them, "(version n)" in its name), so that an import
 *   restores the versions whole (qdeToProject); each annotation a
 *   PlainTextSelection (positions
 *   in characters, see codePointOffsets) with one Coding of its tag by its
 *   creator; attribute values are written in the selection's Description
 *   ("Speaker: Alpha"), the note as a Note with a NoteRef;
 * - Notes: annotation notes, article notes, and one Note per group
 *   (Description "Triangulate group <id>") that Links join to its members;
 * - Links: a Quote→Source credit as a OneWay Link "credited by" from the
 *   quote's selection to the source's.
 * GUIDs are stable (stableGuid), so the same library exports the same file.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { currentVersion, type Annotation, type UnanchoredAnnotation } from '../../model/model';
import type { ProjectFile } from '../project/projectFile';
import { toCodePointOffset } from './codePointOffsets';
import { stableGuid } from './stableGuid';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const ARTICLE_ID_VARIABLE = 'Triangulate article id';
export const TEXT_VERSION_VARIABLE = 'Triangulate text version';
/** On every source of an article with several versions: where that version came from (a file name or web address). */
export const VERSION_ORIGIN_VARIABLE = 'Triangulate version origin';
/** On every source of an article with several versions: when that version was imported (ISO date and time). */
export const VERSION_IMPORTED_VARIABLE = 'Triangulate version imported';
export const GROUP_MARK = 'Triangulate group ';
export const CREDITED_BY_LINK = 'credited by';

export const QDE_VARIABLES = [
  { key: 'outlet', name: 'Outlet', type: 'Text' },
  { key: 'date', name: 'Date', type: 'Date' },
  { key: 'author', name: 'Author', type: 'Text' },
  { key: 'url', name: 'URL', type: 'Text' },
  { key: 'language', name: 'Language', type: 'Text' },
] as const;

export interface QdpxContent {
  /** The project.qde document. */
  xml: string;
  /** Files under sources/ in the zip: the article texts. */
  sources: { path: string; text: string }[];
}

export const guids = {
  user: (name: string) => stableGuid(`user:${name}`),
  code: (tagId: string) => stableGuid(`code:${tagId}`),
  variable: (key: string) => stableGuid(`variable:${key}`),
  source: (articleId: string) => stableGuid(`article:${articleId}`),
  /** An older version's source (the current version's is `source`). */
  olderSource: (articleId: string, version: number) => stableGuid(`article:${articleId}@v${version}`),
  selection: (articleId: string, annotationId: string) => stableGuid(`annotation:${articleId}:${annotationId}`),
  coding: (articleId: string, annotationId: string) => stableGuid(`coding:${articleId}:${annotationId}`),
  note: (what: string) => stableGuid(`note:${what}`),
  link: (what: string) => stableGuid(`link:${what}`),
};

export function projectToQde(project: ProjectFile): QdpxContent {
  const creators = new Set<string>([project.creator]);
  for (const a of project.articles) for (const n of a.annotations) creators.add(n.creator);
  const tagNames = new Map(project.codebook.map((t) => [t.id, t]));
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele(QDA_NAMESPACE, 'Project', {
    name: 'Triangulate project',
    origin: 'Triangulate',
    creatingUserGUID: guids.user(project.creator),
    creationDateTime: project.generated,
  });

  const users = root.ele('Users');
  for (const name of creators) users.ele('User', { guid: guids.user(name), name });

  if (project.codebook.length > 0) {
    const codes = root.ele('CodeBook').ele('Codes');
    for (const tag of project.codebook) {
      const code = codes.ele('Code', { guid: guids.code(tag.id), name: tag.name, isCodable: 'true', color: tag.color });
      if (tag.description) code.ele('Description').txt(tag.description);
    }
  }

  const variables = root.ele('Variables');
  const withVersions = project.articles.some((a) => a.versions !== undefined);
  const ours = [
    { key: 'id', name: ARTICLE_ID_VARIABLE, type: 'Text' },
    { key: 'version', name: TEXT_VERSION_VARIABLE, type: 'Integer' },
    ...(withVersions
      ? [
          { key: 'versionOrigin', name: VERSION_ORIGIN_VARIABLE, type: 'Text' },
          { key: 'versionImported', name: VERSION_IMPORTED_VARIABLE, type: 'DateTime' },
        ]
      : []),
  ] as const;
  for (const v of [...QDE_VARIABLES, ...ours]) {
    variables.ele('Variable', { guid: guids.variable(v.key), name: v.name, typeOfVariable: v.type });
  }
  /** Where version `n` of the article came from and when, as variable values of its source. */
  const versionDetails = (source: XMLBuilder, article: ProjectFile['articles'][number], n: number): void => {
    const entry = article.versions?.[n - 1];
    if (entry?.origin) variableValue(source, 'versionOrigin', 'TextValue', entry.origin);
    if (entry?.imported) variableValue(source, 'versionImported', 'DateTimeValue', entry.imported);
  };

  const notes: { guid: string; name: string; text: string; creator: string; created: string; description?: string }[] = [];
  const sources: QdpxContent['sources'] = [];
  /** An annotation as a PlainTextSelection of `source` (whose text is `text`), coded with its tag, its note a NoteRef. */
  const selectionOf = (source: XMLBuilder, articleId: string, text: string, annotation: Annotation): void => {
    const tag = tagNames.get(annotation.tagId);
    const user = guids.user(annotation.creator);
    const selection = source.ele('PlainTextSelection', {
      guid: guids.selection(articleId, annotation.id),
      name: annotation.exact.length > 100 ? `${annotation.exact.slice(0, 99)}…` : annotation.exact,
      startPosition: String(toCodePointOffset(text, annotation.start)),
      endPosition: String(toCodePointOffset(text, annotation.end)),
      creatingUser: user,
      creationDateTime: annotation.created,
      modifyingUser: user,
      modifiedDateTime: annotation.modified,
    });
    const attributeLines = (tag?.attributes ?? [])
      .filter((def) => annotation.attributes[def.id] !== undefined)
      .map((def) => `${def.name}: ${String(annotation.attributes[def.id])}`);
    if (attributeLines.length > 0) selection.ele('Description').txt(attributeLines.join('\n'));
    selection
      .ele('Coding', { guid: guids.coding(articleId, annotation.id), creatingUser: user, creationDateTime: annotation.created })
      .ele('CodeRef', { targetGUID: guids.code(annotation.tagId) });
    if (annotation.note) {
      const noteGuid = guids.note(`annotation:${articleId}:${annotation.id}`);
      notes.push({ guid: noteGuid, name: `Note on "${selectionName(annotation.exact)}"`, text: annotation.note, creator: annotation.creator, created: annotation.modified });
      selection.ele('NoteRef', { targetGUID: noteGuid });
    }
  };
  if (project.articles.length > 0) {
    const sourcesEl = root.ele('Sources');
    for (const article of project.articles) {
      const guid = guids.source(article.id);
      const current = currentVersion(article);
      sources.push({ path: `sources/${guid}.txt`, text: article.text });
      const source = sourcesEl.ele('TextSource', { guid, name: article.title || article.id, plainTextPath: `internal://${guid}.txt` });
      if (current > 1) source.ele('Description').txt(`Version ${current} of the article's text, the current one (Triangulate holds ${current} versions).`);
      for (const annotation of article.annotations) selectionOf(source, article.id, article.text, annotation);
      if (article.note) {
        const noteGuid = guids.note(`article:${article.id}`);
        notes.push({ guid: noteGuid, name: `Note on ${article.title || article.id}`, text: article.note, creator: project.creator, created: project.generated });
        source.ele('NoteRef', { targetGUID: noteGuid });
      }
      variableValue(source, 'id', 'TextValue', article.id);
      variableValue(source, 'version', 'IntegerValue', String(current));
      versionDetails(source, article, current);
      for (const v of QDE_VARIABLES) {
        const value = article[v.key];
        if (value) variableValue(source, v.key, v.type === 'Date' ? 'DateValue' : 'TextValue', value);
      }
      // Every older version, a source each, with the annotations a newer version no longer holds over its text.
      const keptByVersion = new Map(byVersion(article.unanchored ?? []));
      for (const [i, text] of (article.versions ? (article.versionTexts ?? []) : []).entries()) {
        const version = i + 1;
        const kept = keptByVersion.get(version) ?? [];
        const older = guids.olderSource(article.id, version);
        sources.push({ path: `sources/${older}.txt`, text });
        const olderSource = sourcesEl.ele('TextSource', { guid: older, name: `${article.title || article.id} (version ${version})`, plainTextPath: `internal://${older}.txt` });
        olderSource
          .ele('Description')
          .txt(
            kept.length > 0
              ? `Version ${version} of ${current} of the article's text: its annotations could not be found in the current version (${current}), so they are kept over this one.`
              : `Version ${version} of ${current} of the article's text, kept so that the article's versions can be restored; it holds no annotations of its own.`,
          );
        for (const annotation of kept) selectionOf(olderSource, article.id, text, annotation);
        variableValue(olderSource, 'id', 'TextValue', article.id);
        variableValue(olderSource, 'version', 'IntegerValue', String(version));
        versionDetails(olderSource, article, version);
      }
    }
  }

  const links: { guid: string; name: string; direction: string; origin: string; target: string }[] = [];
  for (const group of project.groups) {
    const noteGuid = guids.note(`group:${group.id}`);
    notes.push({ guid: noteGuid, name: group.label || 'Untitled group', text: group.label, creator: project.creator, created: group.created, description: `${GROUP_MARK}${group.id}` });
    for (const m of group.members) {
      links.push({ guid: guids.link(`group:${group.id}:${m.articleId}:${m.annotationId}`), name: group.label, direction: 'Associative', origin: noteGuid, target: guids.selection(m.articleId, m.annotationId) });
    }
  }
  for (const link of project.sourceLinks) {
    links.push({
      guid: guids.link(`credit:${link.id}`),
      name: CREDITED_BY_LINK,
      direction: 'OneWay',
      origin: guids.selection(link.quote.articleId, link.quote.annotationId),
      target: guids.selection(link.source.articleId, link.source.annotationId),
    });
  }

  if (notes.length > 0) {
    const notesEl = root.ele('Notes');
    for (const n of notes) {
      const note = notesEl.ele('Note', { guid: n.guid, name: n.name, creatingUser: guids.user(n.creator), creationDateTime: n.created });
      if (n.description) note.ele('Description').txt(n.description);
      note.ele('PlainTextContent').txt(n.text);
    }
  }
  if (links.length > 0) {
    const linksEl = root.ele('Links');
    for (const l of links) linksEl.ele('Link', { guid: l.guid, name: l.name, direction: l.direction, originGUID: l.origin, targetGUID: l.target });
  }
  return { xml: root.end({ prettyPrint: true }), sources };
}

function variableValue(parent: XMLBuilder, key: string, kind: 'TextValue' | 'DateValue' | 'DateTimeValue' | 'IntegerValue', value: string): void {
  const el = parent.ele('VariableValue');
  el.ele('VariableRef', { targetGUID: guids.variable(key) });
  el.ele(kind).txt(value);
}

/** Annotations kept with older versions, by version, oldest first. */
function byVersion(kept: readonly UnanchoredAnnotation[]): [number, UnanchoredAnnotation[]][] {
  const out = new Map<number, UnanchoredAnnotation[]>();
  for (const a of kept) out.set(a.version, [...(out.get(a.version) ?? []), a]);
  return [...out].sort(([a], [b]) => a - b);
}

function selectionName(exact: string): string {
  return exact.length > 40 ? `${exact.slice(0, 39)}…` : exact;
}
