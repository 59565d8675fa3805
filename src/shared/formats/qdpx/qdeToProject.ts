/**
 * A REFI-QDA project (`project.qde` and the texts of its `.qdpx`) read as a
 * Triangulate project file, which the project import then merges (or
 * restores into an empty folder): text sources become articles, their
 * PlainTextSelections' codings annotations (one per coding, creator = the
 * coding's user), codes tags (a code the library has by name keeps the
 * library's tag), notes referred to by a selection or source the
 * annotation's or article's note, "credited by" links Quote→Source links and
 * our group notes' links groups. Positions are characters (code points),
 * turned into JavaScript string offsets. What cannot come in (PDF, picture,
 * audio and video sources, codings of whole documents, other links, sets) is
 * listed, one line each, in `skipped`.
 */
import { XMLParser } from 'fast-xml-parser';
import type { AnnotationRef, Group, SourceLink } from '../../crossArticle/crossArticle';
import { isArticleId } from '../../model/idFormat';
import type { Annotation, AttributeValue, Tag } from '../../model/model';
import { newTagId } from '../../codebook/newTagId';
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectArticle, type ProjectFile } from '../project/projectFile';
import { quoteSelector } from '../../anchoring/quoteSelector';
import { fromCodePointOffset } from './codePointOffsets';
import { ARTICLE_ID_VARIABLE, CREDITED_BY_LINK, GROUP_MARK, QDE_VARIABLES, TEXT_VERSION_VARIABLE } from './projectToQde';

export interface QdeReadInput {
  xml: string;
  /** The text of a file inside the .qdpx (`sources/…`), or null when it is not there. */
  readSource: (path: string) => string | null;
  /** sha256 of a text (the Node side's textHash). */
  hashOf: (text: string) => string;
  /** The library's codebook: a code with a tag's name (ignoring case) becomes that tag. */
  codebook: readonly Tag[];
  /** Stamp for what carries no date. */
  now: string;
}

export type QdeReadResult = { ok: true; project: ProjectFile; skipped: string[] } | { ok: false; error: string };

type Node = Record<string, unknown>;

const ARRAYS = new Set(['User', 'Code', 'Variable', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue', 'Note', 'Link', 'Set']);
const OTHER_SOURCES = [
  ['PDFSource', 'PDF'],
  ['PictureSource', 'picture'],
  ['AudioSource', 'audio'],
  ['VideoSource', 'video'],
] as const;
const COLORS = ['#e07a5f', '#9c89b8', '#2a9d8f', '#f4a261', '#8ab17d', '#b5838d'];

export function qdeToProject(input: QdeReadInput): QdeReadResult {
  let doc: Node;
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, isArray: (name) => ARRAYS.has(name) }).parse(input.xml) as Node;
  } catch (error) {
    return { ok: false, error: `project.qde is not well-formed XML (${error instanceof Error ? error.message : String(error)})` };
  }
  const project = obj(doc.Project);
  if (!project) return { ok: false, error: 'project.qde has no <Project> root element' };
  const skipped: string[] = [];

  const users = new Map(list(obj(project.Users)?.User).map((u) => [str(u.guid), str(u.name) || str(u.id) || 'unknown coder']));
  const creator = users.get(str(project.creatingUserGUID)) ?? [...users.values()][0] ?? 'qdpx';

  // Codes (nested codes flattened) → tags: the library's by name, else new ones.
  const codebook: Tag[] = [];
  const tagOfCode = new Map<string, Tag>();
  const taken = new Set(input.codebook.map((t) => t.id));
  const walkCodes = (codes: Node[]): void => {
    for (const code of codes) {
      const name = (str(code.name) || 'Code').slice(0, 100);
      const known = input.codebook.find((t) => t.name.toLowerCase() === name.toLowerCase());
      const tag: Tag = known ?? {
        id: newTagId(name, taken),
        name,
        color: color(str(code.color)) ?? COLORS[codebook.length % COLORS.length]!,
        key: null,
        description: text(code.Description).slice(0, 5000),
        attributes: [],
      };
      taken.add(tag.id);
      if (!codebook.some((t) => t.id === tag.id)) codebook.push(tag);
      tagOfCode.set(str(code.guid), tag);
      walkCodes(list(code.Code));
    }
  };
  walkCodes(list(obj(obj(project.CodeBook)?.Codes)?.Code));

  const variables = new Map(list(obj(project.Variables)?.Variable).map((v) => [str(v.guid), str(v.name)]));
  const notes = new Map(list(obj(project.Notes)?.Note).map((n) => [str(n.guid), { name: str(n.name), text: text(n.PlainTextContent), description: text(n.Description) }]));
  const noteText = (refs: unknown): string =>
    list(refs)
      .map((r) => notes.get(str(r.targetGUID))?.text ?? '')
      .filter((t) => t !== '')
      .join('\n\n');

  const sourcesEl = obj(project.Sources) ?? {};
  for (const [element, kind] of OTHER_SOURCES) {
    for (const s of list(sourcesEl[element])) skipped.push(`${kind} source "${str(s.name) || str(s.guid)}" skipped: only text sources are imported`);
  }

  const articles: ProjectArticle[] = [];
  const refOfSelection = new Map<string, AnnotationRef>();
  const usedIds = new Set<string>();
  const valuesOf = (source: Node): Map<string, string> => {
    const values = new Map<string, string>();
    for (const vv of list(source.VariableValue)) {
      const varName = variables.get(str(obj(vv.VariableRef)?.targetGUID));
      const value = text(vv.TextValue) || text(vv.DateValue) || text(vv.DateTimeValue) || text(vv.IntegerValue) || text(vv.FloatValue) || text(vv.BooleanValue);
      if (varName && value) values.set(varName.toLowerCase(), value);
    }
    return values;
  };
  const versionOf = (values: Map<string, string>): number => Number(values.get(TEXT_VERSION_VARIABLE.toLowerCase()) ?? 1) || 1;
  /** The newest text version each Triangulate article id has in the file: older versions' sources are not articles of their own. */
  const newest = new Map<string, number>();
  for (const source of list(sourcesEl.TextSource)) {
    const values = valuesOf(source);
    const ownId = values.get(ARTICLE_ID_VARIABLE.toLowerCase());
    if (ownId) newest.set(ownId, Math.max(newest.get(ownId) ?? 0, versionOf(values)));
  }
  for (const source of list(sourcesEl.TextSource)) {
    const name = str(source.name) || str(source.guid);
    const values = valuesOf(source);
    const ownId = values.get(ARTICLE_ID_VARIABLE.toLowerCase());
    const version = versionOf(values);
    if (ownId && version < newest.get(ownId)!) {
      const kept = list(source.PlainTextSelection).length;
      skipped.push(
        `text source "${name}" skipped: it is version ${version} of article ${ownId}'s text, and the file holds version ${newest.get(ownId)}; its ${kept} annotation(s) kept with that version are not imported`,
      );
      continue;
    }
    const body = sourceText(source, input.readSource);
    if (body === null) {
      skipped.push(`text source "${name}" skipped: its text is neither in the file (PlainTextContent) nor under sources/ (${str(source.plainTextPath) || 'no plainTextPath'})`);
      continue;
    }
    let id = ownId && isArticleId(ownId) ? ownId : `${slug(name)}-${str(source.guid).replace(/[{}]/g, '').slice(0, 8)}`;
    while (usedIds.has(id)) id = `${id}-2`;
    usedIds.add(id);
    const meta = (key: (typeof QDE_VARIABLES)[number]['key']) => values.get(QDE_VARIABLES.find((v) => v.key === key)!.name.toLowerCase()) ?? null;
    const date = meta('date');
    const annotations: Annotation[] = [];
    for (const selection of list(source.PlainTextSelection)) {
      const startPoints = Number(str(selection.startPosition));
      const endPoints = Number(str(selection.endPosition));
      const start = fromCodePointOffset(body, startPoints);
      const end = fromCodePointOffset(body, endPoints);
      const label = `selection "${str(selection.name) || str(selection.guid)}" in "${name}"`;
      if (!Number.isInteger(startPoints) || !Number.isInteger(endPoints) || startPoints < 0 || start >= end || end > body.length) {
        skipped.push(`${label} skipped: its positions ${str(selection.startPosition)}–${str(selection.endPosition)} are not inside the text`);
        continue;
      }
      const codings = list(selection.Coding);
      if (codings.length === 0) skipped.push(`${label} skipped: it has no coding`);
      codings.forEach((coding, n) => {
        const tag = tagOfCode.get(str(obj(coding.CodeRef)?.targetGUID));
        if (!tag) {
          skipped.push(`${label}: a coding refers to a code the codebook does not have; left out`);
          return;
        }
        const guid = str(selection.guid).replace(/[{}]/g, '').toLowerCase();
        const annotationId = n === 0 ? `qdpx-${guid}` : `qdpx-${guid}-${n + 1}`;
        const created = str(coding.creationDateTime) || str(selection.creationDateTime) || input.now;
        annotations.push({
          id: annotationId,
          articleId: id,
          tagId: tag.id,
          start,
          end,
          ...quoteSelector(body, start, end),
          note: [noteText(selection.NoteRef), noteText(coding.NoteRef)].filter((t) => t !== '').join('\n\n'),
          attributes: attributesFrom(text(selection.Description), tag),
          creator: users.get(str(coding.creatingUser)) ?? users.get(str(selection.creatingUser)) ?? creator,
          created,
          modified: str(selection.modifiedDateTime) || created,
        });
        if (n === 0) {
          refOfSelection.set(str(selection.guid), { articleId: id, annotationId });
        }
      });
    }
    if (list(source.Coding).length > 0) skipped.push(`${list(source.Coding).length} coding(s) of the whole of "${name}" skipped: Triangulate codes passages`);
    articles.push({
      id,
      title: name,
      date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
      outlet: meta('outlet'),
      hash: input.hashOf(body),
      length: body.length,
      origin: name,
      author: meta('author'),
      url: meta('url'),
      language: meta('language'),
      note: noteText(source.NoteRef),
      text: body,
      annotations,
      rejectedSuggestions: [],
    });
  }

  const groups = new Map<string, Group>();
  const sourceLinks: SourceLink[] = [];
  for (const link of list(obj(project.Links)?.Link)) {
    const origin = str(link.originGUID);
    const target = str(link.targetGUID);
    const groupNote = notes.get(origin);
    const member = refOfSelection.get(target);
    if (groupNote && groupNote.description.startsWith(GROUP_MARK) && member) {
      const groupId = groupNote.description.slice(GROUP_MARK.length).trim() || `qdpx-${origin}`;
      const group = groups.get(groupId) ?? { id: groupId.slice(0, 100), label: groupNote.name.slice(0, 500), members: [], created: input.now, modified: input.now };
      group.members.push(member);
      groups.set(groupId, group);
      continue;
    }
    const quote = refOfSelection.get(origin);
    if (str(link.name) === CREDITED_BY_LINK && quote && member) {
      sourceLinks.push({ id: `qdpx-${str(link.guid).replace(/[{}]/g, '').toLowerCase()}`, quote, source: member, created: input.now });
      continue;
    }
    skipped.push(`link "${str(link.name) || str(link.guid)}" skipped: Triangulate keeps only its own group links and Quote→Source credits`);
  }
  const sets = list(obj(project.Sets)?.Set);
  if (sets.length > 0) skipped.push(`${sets.length} set(s) skipped: Triangulate has no sets of codes or sources`);

  return {
    ok: true,
    skipped,
    project: {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      generated: str(project.creationDateTime) || input.now,
      creator,
      codebook,
      groups: [...groups.values()],
      sourceLinks,
      articles,
    },
  };
}

function sourceText(source: Node, readSource: (path: string) => string | null): string | null {
  if (source.PlainTextContent !== undefined) return text(source.PlainTextContent);
  const path = str(source.plainTextPath);
  if (path.startsWith('internal://')) return readSource(`sources/${path.slice('internal://'.length)}`) ?? readSource(`Sources/${path.slice('internal://'.length)}`);
  return null;
}

/** "Speaker: Alpha" lines matched to the tag's attribute names; values of the attribute's type only. */
function attributesFrom(description: string, tag: Tag): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  for (const line of description.split('\n')) {
    const at = line.indexOf(': ');
    if (at <= 0) continue;
    const def = tag.attributes.find((a) => a.name === line.slice(0, at));
    if (!def) continue;
    const raw = line.slice(at + 2);
    if (def.type === 'boolean') {
      if (raw === 'true' || raw === 'false') values[def.id] = raw === 'true';
    } else if (def.type === 'number') {
      if (raw.trim() !== '' && Number.isFinite(Number(raw))) values[def.id] = Number(raw);
    } else if (def.type === 'choice') {
      if (def.options.includes(raw)) values[def.id] = raw;
    } else values[def.id] = raw;
  }
  return values;
}

function color(value: string): string | null {
  if (/^#[0-9a-fA-F]{6}$/.test(value)) return value;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(value);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : null;
}

function slug(name: string): string {
  return newTagId(name, [], 'source');
}

function obj(value: unknown): Node | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : null;
}

function list(value: unknown): Node[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null ? (v as Node) : { '#text': v }));
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** An element's text: a string, or the #text of an element that has attributes. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const o = obj(value);
  return o ? str(o['#text']) : '';
}
