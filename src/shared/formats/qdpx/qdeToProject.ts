/**
 * A REFI-QDA project (`project.qde` and the texts of its `.qdpx`) read as a
 * Triangulate project file, which the project import then merges (or
 * restores into an empty folder): text sources become articles, their
 * PlainTextSelections' codings annotations (one per coding, creator = the
 * coding's user), codes tags (a code the library has by name keeps the
 * library's tag), notes referred to by a selection or source the
 * annotation's or article's note, "credited by" links Quote→Source links and
 * our group notes' links groups. Positions are characters (code points),
 * turned into JavaScript string offsets. The sources our export writes for
 * an article's older versions (same "Triangulate article id", a lower
 * "Triangulate text version") become that article's versions, with the
 * annotations kept over them — all of them, or, when one is missing or
 * damaged (its text absent, a passage that is not its quote), none, each
 * such source listed with the reason. What cannot come in (PDF, picture,
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
import { ARTICLE_ID_VARIABLE, CREDITED_BY_LINK, GROUP_MARK, QDE_VARIABLES, TEXT_VERSION_VARIABLE, VERSION_IMPORTED_VARIABLE, VERSION_ORIGIN_VARIABLE } from './projectToQde';

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
/** A TextSource with its variable values, the Triangulate article id it names and its text version. */
interface SourceEntry {
  source: Node;
  name: string;
  values: Map<string, string>;
  ownId: string | undefined;
  version: number;
}

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
  /** The source's text version: 1 without the variable, NaN when the variable is not a whole number from 1 up. */
  const versionOf = (values: Map<string, string>): number => {
    const raw = values.get(TEXT_VERSION_VARIABLE.toLowerCase());
    if (raw === undefined) return 1;
    return /^\s*[1-9]\d{0,5}\s*$/.test(raw) ? Number(raw) : Number.NaN;
  };
  const entries: SourceEntry[] = list(sourcesEl.TextSource).map((source) => {
    const values = valuesOf(source);
    return { source, name: str(source.name) || str(source.guid), values, ownId: values.get(ARTICLE_ID_VARIABLE.toLowerCase()), version: versionOf(values) };
  });
  /** The newest text version each Triangulate article id has in the file: older versions' sources are not articles of their own. */
  const newest = new Map<string, number>();
  for (const e of entries) if (e.ownId && Number.isInteger(e.version)) newest.set(e.ownId, Math.max(newest.get(e.ownId) ?? 0, e.version));
  const isOlder = (e: SourceEntry): boolean => e.ownId !== undefined && newest.has(e.ownId) && !(e.version >= newest.get(e.ownId)!);

  /**
   * A source's PlainTextSelections as annotations of article `articleId` over `body`, one per coding. With
   * `strict` (an older version's source, which only Triangulate writes), a selection whose positions or quote
   * do not fit the text makes the source damaged: the reason is returned and nothing of it is kept.
   */
  const readSelections = (source: Node, name: string, body: string, articleId: string, strict: boolean): { annotations: Annotation[]; refs: [string, AnnotationRef][] } | { damaged: string } => {
    const annotations: Annotation[] = [];
    const refs: [string, AnnotationRef][] = [];
    const lines: string[] = [];
    for (const selection of list(source.PlainTextSelection)) {
      const startPoints = Number(str(selection.startPosition));
      const endPoints = Number(str(selection.endPosition));
      const start = fromCodePointOffset(body, startPoints);
      const end = fromCodePointOffset(body, endPoints);
      const label = `selection "${str(selection.name) || str(selection.guid)}" in "${name}"`;
      if (!Number.isInteger(startPoints) || !Number.isInteger(endPoints) || startPoints < 0 || start >= end || end > body.length) {
        if (strict) return { damaged: `its ${label} has positions ${str(selection.startPosition)}–${str(selection.endPosition)} that are not inside its text` };
        lines.push(`${label} skipped: its positions ${str(selection.startPosition)}–${str(selection.endPosition)} are not inside the text`);
        continue;
      }
      if (strict && !quoteFits(str(selection.name), body.slice(start, end))) {
        return { damaged: `its text at ${startPoints}–${endPoints} is not the quote of its ${label}` };
      }
      const codings = list(selection.Coding);
      if (codings.length === 0) lines.push(`${label} skipped: it has no coding`);
      codings.forEach((coding, n) => {
        const tag = tagOfCode.get(str(obj(coding.CodeRef)?.targetGUID));
        if (!tag) {
          lines.push(`${label}: a coding refers to a code the codebook does not have; left out`);
          return;
        }
        const guid = str(selection.guid).replace(/[{}]/g, '').toLowerCase();
        const annotationId = n === 0 ? `qdpx-${guid}` : `qdpx-${guid}-${n + 1}`;
        const created = str(coding.creationDateTime) || str(selection.creationDateTime) || input.now;
        annotations.push({
          id: annotationId,
          articleId,
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
        if (n === 0) refs.push([str(selection.guid), { articleId, annotationId }]);
      });
    }
    if (list(source.Coding).length > 0) lines.push(`${list(source.Coding).length} coding(s) of the whole of "${name}" skipped: Triangulate codes passages`);
    skipped.push(...lines);
    return { annotations, refs };
  };

  /** Each Triangulate article id's imported article (from its newest source) and that source's variable values. */
  const articleOfId = new Map<string, { article: ProjectArticle; values: Map<string, string> }>();
  for (const entry of entries) {
    if (isOlder(entry)) continue;
    const { source, name, values, ownId } = entry;
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
    const read = readSelections(source, name, body, id, false);
    if ('damaged' in read) continue; // not strict: never damaged
    for (const [guid, ref] of read.refs) refOfSelection.set(guid, ref);
    const article: ProjectArticle = {
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
      annotations: read.annotations,
      rejectedSuggestions: [],
    };
    articles.push(article);
    if (ownId && !articleOfId.has(ownId)) articleOfId.set(ownId, { article, values });
  }

  // Older versions: restored whole onto their article, or — one missing or damaged — none of them.
  const olderOf = new Map<string, SourceEntry[]>();
  for (const e of entries) if (isOlder(e)) olderOf.set(e.ownId!, [...(olderOf.get(e.ownId!) ?? []), e]);
  for (const [ownId, current] of newest) {
    const found = articleOfId.get(ownId);
    const older = olderOf.get(ownId) ?? [];
    if (!found) {
      for (const e of older) skipped.push(`text source "${e.name}" skipped: it is version ${e.version} of article ${ownId}'s text, and the current version's source could not be imported`);
      continue;
    }
    const { article, values } = found;
    if (current > 1 && older.length === 0) {
      skipped.push(`article "${article.title}": the file holds only version ${current} of its text, not the older ones; imported as one version`);
      continue;
    }
    if (older.length === 0) continue;
    const restored = restoreVersions(ownId, article, values, current, older);
    if ('problems' in restored) {
      for (const e of older) {
        const kept = list(e.source.PlainTextSelection).length;
        const what = Number.isInteger(e.version) ? `version ${e.version}` : `an older version`;
        skipped.push(
          `text source "${e.name}" skipped: ${restored.problems.get(e) ?? restored.shared}; ${what} of article ${ownId}'s text and its ${kept} annotation(s) are not imported (the article comes in with its current version only)`,
        );
      }
      continue;
    }
    Object.assign(article, restored.fields);
    for (const [guid, ref] of restored.refs) refOfSelection.set(guid, ref);
  }

  /** An article's older versions from their sources, or why they cannot be restored (per source, or for all). */
  function restoreVersions(
    ownId: string,
    article: ProjectArticle,
    currentValues: Map<string, string>,
    current: number,
    older: readonly SourceEntry[],
  ): { fields: Pick<ProjectArticle, 'versions' | 'versionTexts' | 'unanchored'>; refs: [string, AnnotationRef][] } | { problems: Map<SourceEntry, string>; shared: string } {
    const problems = new Map<SourceEntry, string>();
    const byVersion = new Map<number, { entry: SourceEntry; body: string; kept: Annotation[] }>();
    const refs: [string, AnnotationRef][] = [];
    for (const e of older) {
      if (!Number.isInteger(e.version)) {
        problems.set(e, `its "${TEXT_VERSION_VARIABLE}" is "${e.values.get(TEXT_VERSION_VARIABLE.toLowerCase())}", not a version number`);
        continue;
      }
      if (byVersion.has(e.version)) {
        problems.set(e, `the file holds version ${e.version} of article ${ownId}'s text twice (also "${byVersion.get(e.version)!.entry.name}")`);
        continue;
      }
      const body = sourceText(e.source, input.readSource);
      if (body === null) {
        problems.set(e, `its text is neither in the file (PlainTextContent) nor under sources/ (${str(e.source.plainTextPath) || 'no plainTextPath'})`);
        continue;
      }
      const read = readSelections(e.source, e.name, body, article.id, true);
      if ('damaged' in read) {
        problems.set(e, `it is damaged: ${read.damaged}`);
        continue;
      }
      byVersion.set(e.version, { entry: e, body, kept: read.annotations });
      refs.push(...read.refs);
    }
    const missing = Array.from({ length: current - 1 }, (_, i) => i + 1).filter((v) => !byVersion.has(v));
    if (problems.size > 0) return { problems, shared: `another version of the same article cannot be restored` };
    if (missing.length > 0) return { problems, shared: `the file lacks version${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of article ${ownId}'s text, so its versions cannot be restored` };
    const entryOf = (n: number, body: string, values: Map<string, string>) => ({
      version: n,
      hash: input.hashOf(body),
      length: body.length,
      origin: values.get(VERSION_ORIGIN_VARIABLE.toLowerCase())?.slice(0, 1_000) ?? null,
      imported: values.get(VERSION_IMPORTED_VARIABLE.toLowerCase()) ?? null,
    });
    const olderVersions = Array.from({ length: current - 1 }, (_, i) => byVersion.get(i + 1)!);
    return {
      refs,
      fields: {
        versions: [...olderVersions.map((o, i) => entryOf(i + 1, o.body, o.entry.values)), entryOf(current, article.text, currentValues)],
        versionTexts: olderVersions.map((o) => o.body),
        unanchored: olderVersions.flatMap((o, i) => o.kept.map((a) => ({ ...a, version: i + 1 }))),
      },
    };
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

/** Whether a selection's name (our exporter writes the quote, cut at 99 characters and "…") is the text it marks. */
function quoteFits(name: string, quote: string): boolean {
  const plain = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (name === '' || plain(name) === plain(quote)) return true;
  return name.length === 100 && name.endsWith('…') && plain(quote).startsWith(plain(name.slice(0, 99)));
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
